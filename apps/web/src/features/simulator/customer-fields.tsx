import type { PlatformId } from '@replyforce/contracts';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { newCustomer } from './customers.ts';
import type { SandboxCustomer } from './sandbox-api.ts';

const ID_HINT: Record<PlatformId, string> = {
  facebook: 'The page-scoped id Messenger gives this person.',
  instagram: 'The Instagram-scoped id of this person.',
  whatsapp: 'The customer’s WhatsApp number, digits only with the country code.',
  x: 'The X user id of this person.',
};

function describe(customer: SandboxCustomer): string {
  const handle = customer.username ? ` (@${customer.username})` : '';
  return `${customer.name || 'Unnamed'}${handle} · ${customer.id}`;
}

/** Who writes: a customer from before, or a new one (name and platform id, generated on demand). */
export function CustomerFields({
  platform,
  customer,
  known,
  error,
  onChange,
}: {
  platform: PlatformId;
  customer: SandboxCustomer;
  known: SandboxCustomer[];
  error?: string;
  onChange: (customer: SandboxCustomer) => void;
}) {
  const isKnown = known.some((c) => c.id === customer.id);
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Customer</legend>
      {known.length > 0 && (
        <SelectField
          label="Pick a customer"
          value={isKnown ? customer.id : ''}
          onChange={(id) => {
            const chosen = known.find((c) => c.id === id);
            if (chosen) onChange(chosen);
          }}
          options={[
            { value: '', label: isKnown ? 'Choose…' : 'The customer below' },
            ...known.map((c) => ({ value: c.id, label: describe(c) })),
          ]}
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Customer name"
          value={customer.name ?? ''}
          onChange={(name) => onChange({ ...customer, name })}
          autoComplete="off"
          maxLength={80}
        />
        <TextField
          label="Customer id"
          value={customer.id}
          onChange={(id) => onChange({ ...customer, id, ...(platform === 'whatsapp' ? { phone: id } : {}) })}
          autoComplete="off"
          spellCheck={false}
          required
          error={error}
          hint={ID_HINT[platform]}
          className="[&_input]:font-mono"
        />
      </div>
      <Button variant="secondary" size="sm" onClick={() => onChange(newCustomer(platform))}>
        New customer
      </Button>
    </fieldset>
  );
}
