import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { errorMessage } from '../../lib/api.ts';
import { cn } from '../../lib/cn.ts';
import { capitalize } from '../../lib/format.ts';
import { type FieldErrors, focusFirstInvalid } from '../../lib/validation.ts';
import { CheckboxField } from './checkbox-field.tsx';
import {
  checkLlmForm,
  fromLlmForm,
  keepsStoredKey,
  type LlmField,
  type LlmForm,
  PROVIDERS,
  toLlmForm,
  usedPercent,
} from './llm-form.ts';
import { SaveBar, SECTION_HEADING_ID, SectionHeading, serverFieldError } from './section-parts.tsx';
import {
  type LlmSettings,
  useLlmSettings,
  useRemoveLlmSettings,
  useSaveLlmSettings,
} from './settings-api.ts';

const numbers = new Intl.NumberFormat();
const dollars = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });

function UsageMeter({ label, used, limit }: { label: string; used: number; limit: number }) {
  const percent = usedPercent(used, limit);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800 dark:text-slate-200">{label}</span>
        <span className="tabular-nums text-slate-700 dark:text-slate-300">
          {numbers.format(used)} of {numbers.format(limit)} tokens ({percent} %)
        </span>
      </div>
      <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <div
          className={cn(
            'h-full rounded-full',
            percent >= 100 ? 'bg-red-500' : percent >= 80 ? 'bg-amber-500' : 'bg-indigo-500',
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function Usage({ settings }: { settings: LlmSettings }) {
  const { usage } = settings;
  const capped = usage.tokensToday >= usage.dailyLimit || usage.tokensThisMonth >= usage.monthlyLimit;
  return (
    <Card
      title="Token budget"
      description={`The ${capitalize(usage.plan)} plan's budget. Past it, the built-in local models answer until the next day or month.`}
    >
      <div className="space-y-4">
        <UsageMeter label="Today" used={usage.tokensToday} limit={usage.dailyLimit} />
        <UsageMeter label="This month" used={usage.tokensThisMonth} limit={usage.monthlyLimit} />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {numbers.format(usage.callsThisMonth)} model calls this month, about{' '}
          {dollars.format(usage.costUsdThisMonth)}.
        </p>
        {capped && (
          <Alert tone="warning">The budget is used up: replies come from the local models for now.</Alert>
        )}
      </div>
    </Card>
  );
}

function LlmFormView({ settings }: { settings: LlmSettings }) {
  const save = useSaveLlmSettings();
  const remove = useRemoveLlmSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<LlmForm>(() => toLlmForm(settings));
  const [errors, setErrors] = useState<FieldErrors<LlmField>>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(toLlmForm(settings));

  const set = <K extends LlmField>(key: K, value: LlmForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    save.reset();
  };
  const error = (key: LlmField) => errors[key] ?? serverFieldError(save.error, key);
  const keyKept = keepsStoredKey(form, settings);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkLlmForm(form, settings);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    save.mutate(fromLlmForm(form), {
      onSuccess: (stored) => setForm(toLlmForm(stored)),
      onError: () => requestAnimationFrame(() => focusFirstInvalid(formRef.current)),
    });
  };

  return (
    <Card
      title="Model"
      description={
        settings.configured ? (
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              Replies are written by <strong>{settings.model}</strong>
              {settings.enabled ? '' : ' (paused)'}.
            </span>
            <Badge tone={settings.hasApiKey ? 'green' : 'neutral'}>
              {settings.hasApiKey ? 'API key stored' : 'No API key'}
            </Badge>
          </span>
        ) : (
          'None set: the built-in local models answer. They work offline and cost nothing.'
        )
      }
    >
      <form ref={formRef} noValidate onSubmit={submit} aria-label="Language model" className="space-y-4">
        <SelectField
          label="Provider"
          value={form.provider}
          onChange={(v) => set('provider', v as LlmForm['provider'])}
          options={PROVIDERS}
          error={error('provider')}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label="Reply model"
            value={form.model}
            maxLength={200}
            onChange={(v) => set('model', v)}
            error={error('model')}
            hint="Writes the replies customers read."
            autoComplete="off"
          />
          <TextField
            label="Understanding model (optional)"
            value={form.understandModel}
            maxLength={200}
            onChange={(v) => set('understandModel', v)}
            error={error('understandModel')}
            hint="A smaller, cheaper model for reading messages. Empty: the reply model."
            autoComplete="off"
          />
        </div>
        <TextField
          label={form.provider === 'openai-compatible' ? 'Base URL' : 'Base URL (optional)'}
          type="url"
          value={form.baseUrl}
          maxLength={500}
          onChange={(v) => set('baseUrl', v)}
          error={error('baseUrl')}
          hint="The API's address, e.g. https://llm.example.com/v1. Private and loopback addresses are refused unless the operator allows them."
          autoComplete="off"
        />
        <TextField
          label="API key"
          type="password"
          value={form.apiKey}
          maxLength={500}
          onChange={(v) => set('apiKey', v)}
          error={error('apiKey')}
          placeholder={keyKept ? 'Stored; type a new one to replace it' : ''}
          hint={
            keyKept
              ? 'Encrypted at rest and never shown again. Leave empty to keep the stored key.'
              : 'Encrypted at rest and never shown again.'
          }
          autoComplete="new-password"
        />
        <CheckboxField
          label="Use this model"
          checked={form.enabled}
          onChange={(v) => set('enabled', v)}
          hint="Off: keep the settings but let the local models answer."
        />
        <SaveBar
          pending={save.isPending}
          error={save.error}
          saved={save.isSuccess}
          dirty={dirty}
          label="Save model"
        />
      </form>
      {settings.configured && (
        <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button variant="danger-ghost" onClick={() => setConfirmRemove(true)}>
            Remove the model
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmRemove}
        title="Remove the language model?"
        confirmLabel="Remove"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={() => {
          setConfirmRemove(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: (stored) => {
              setConfirmRemove(false);
              setForm(toLlmForm(stored));
              save.reset();
            },
          })
        }
      >
        <p>The stored API key is erased and the built-in local models answer from the next message on.</p>
      </ConfirmDialog>
    </Card>
  );
}

/** Only for `manage:ai_settings`: the server answers no one else. */
export function LlmSection() {
  const settings = useLlmSettings(true);
  return (
    <section aria-labelledby={SECTION_HEADING_ID} className="space-y-6">
      <SectionHeading
        title="Language model"
        description="Bring your own model for better replies. Without one, ReplyForce's local models answer."
      />
      {settings.isPending ? (
        <LoadingState label="Loading the model settings…" />
      ) : !settings.data ? (
        <ErrorState
          error={settings.error}
          title="Could not load the model settings"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
          <LlmFormView settings={settings.data} />
          <div className="min-w-0">
            <Usage settings={settings.data} />
          </div>
        </div>
      )}
    </section>
  );
}
