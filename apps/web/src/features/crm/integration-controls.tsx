import { useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ChoiceGroup } from '../../components/choice-group.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { errorMessage } from '../../lib/api.ts';
import { type CrmConnection, useDisconnectCrm, useUpdateEraseMode } from './crm-api.ts';
import { CRM_VENDOR_INFO } from './crm-vendors.ts';

function eraseChoices(vendor: string) {
  return [
    { value: 'delete', label: `Delete it in ${vendor}` },
    { value: 'anonymise', label: `Anonymise it in ${vendor}` },
  ] as const;
}

/** What erasing a contact in ReplyForce (GDPR) does to its record in this CRM; saved on change. */
export function EraseModeControl({ connection }: { connection: CrmConnection }) {
  const update = useUpdateEraseMode(connection.id);
  const vendor = CRM_VENDOR_INFO[connection.vendor];
  const shown = update.isPending && update.variables ? update.variables : connection.eraseMode;
  return (
    <div className="space-y-2">
      <ChoiceGroup
        legend="When a contact is erased from ReplyForce"
        value={shown}
        choices={eraseChoices(vendor.label)}
        onChange={(mode) => {
          if (mode !== connection.eraseMode) update.mutate(mode);
        }}
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {shown === 'delete'
          ? `The ${vendor.record} is deleted from ${vendor.label}.`
          : `The ${vendor.record} stays in ${vendor.label} with its personal fields blanked.`}
      </p>
      {update.isSuccess && !update.isPending && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Saved.
        </p>
      )}
      {update.isError && (
        <Alert tone="error" title="Not saved">
          {errorMessage(update.error)}
        </Alert>
      )}
    </div>
  );
}

export function DisconnectControl({ connection }: { connection: CrmConnection }) {
  const [confirming, setConfirming] = useState(false);
  const disconnect = useDisconnectCrm();
  const vendor = CRM_VENDOR_INFO[connection.vendor];
  const close = () => {
    setConfirming(false);
    disconnect.reset();
  };
  return (
    <>
      <Button
        variant="danger-ghost"
        onClick={() => setConfirming(true)}
        aria-label={`Disconnect ${vendor.label}`}
      >
        Disconnect
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Disconnect ${vendor.label}?`}
        confirmLabel="Disconnect"
        pending={disconnect.isPending}
        error={disconnect.error ? errorMessage(disconnect.error) : null}
        onCancel={close}
        onConfirm={() => disconnect.mutate(connection.id, { onSuccess: () => setConfirming(false) })}
      >
        <p>
          Leads will stop syncing to {vendor.label} and ReplyForce’s access is revoked there. The records
          already in {vendor.label} stay. Connecting again later starts a new field mapping.
        </p>
      </ConfirmDialog>
    </>
  );
}
