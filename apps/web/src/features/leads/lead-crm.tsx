import type { ReactNode } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useCan } from '../auth/use-session.ts';
import { CrmStatusBadge } from './lead-badges.tsx';
import { vendorLabel } from './lead-labels.ts';
import { isSyncInFlight, type Lead, useForceCrmSync } from './leads-api.ts';

type CrmState = NonNullable<Lead['crm']>[number];

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 break-all text-slate-900 dark:text-slate-100">{children}</dd>
    </div>
  );
}

function CrmStateItem({ state }: { state: CrmState }) {
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900 dark:text-white">{vendorLabel(state.vendor)}</span>
        <CrmStatusBadge status={state.status} />
      </div>
      <dl className="space-y-1 text-sm">
        <Detail term="Record id">{state.externalId ?? 'Not created yet'}</Detail>
        <Detail term="Last synced">
          {state.lastSyncedAt ? (
            <time dateTime={state.lastSyncedAt}>{formatDateTime(state.lastSyncedAt)}</time>
          ) : (
            'Never'
          )}
        </Detail>
        {state.owner && <Detail term="Owner there">{state.owner}</Detail>}
        {state.crmStatus && <Detail term="Status there">{state.crmStatus}</Detail>}
      </dl>
      {state.error && (
        <p className="text-sm text-red-700 dark:text-red-400">
          <span className="font-medium">Last error: </span>
          {state.error}
        </p>
      )}
    </li>
  );
}

/** The lead in each connected CRM, and "Sync now" for those who manage the CRM connection. */
export function LeadCrm({ lead }: { lead: Lead & { crm: CrmState[] } }) {
  const canSync = useCan('manage:crm');
  const sync = useForceCrmSync(lead.id);
  const inFlight = isSyncInFlight(lead);
  return (
    <div className="space-y-3">
      {lead.crm.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Not in any CRM yet. Leads sync once a CRM is connected.
        </p>
      ) : (
        <ul className="space-y-2">
          {lead.crm.map((state) => (
            <CrmStateItem key={state.connectionId} state={state} />
          ))}
        </ul>
      )}
      {canSync && (
        <Button
          variant="secondary"
          loading={sync.isPending}
          disabled={inFlight}
          onClick={() => sync.mutate()}
        >
          {inFlight ? 'Sync under way…' : 'Sync now'}
        </Button>
      )}
      {sync.isSuccess && (
        <Alert tone="info">
          Sync queued for {sync.data.queued} CRM{sync.data.queued === 1 ? '' : 's'}; the status above follows
          it.
        </Alert>
      )}
      {sync.isError && (
        <Alert tone="error" title="Could not start a sync">
          {errorMessage(sync.error)}
        </Alert>
      )}
    </div>
  );
}
