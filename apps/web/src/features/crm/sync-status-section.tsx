import { type ReactNode, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { useNow } from '../../lib/use-now.ts';
import { type CrmSyncStatus, useCrmSyncStatus, useFollowSyncs } from './crm-api.ts';
import { DeadLetterItem, FailureItem } from './sync-items.tsx';
import { SYNC_COUNTS } from './sync-status.ts';

function Counts({ status }: { status: CrmSyncStatus }) {
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        {SYNC_COUNTS.map(({ key, label, hint }) => (
          <div
            key={key}
            className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700"
            title={hint}
          >
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
            <dd
              className={
                key === 'dead' && status.counts.dead > 0
                  ? 'text-xl font-semibold tabular-nums text-red-700 dark:text-red-400'
                  : 'text-xl font-semibold tabular-nums text-slate-900 dark:text-white'
              }
            >
              {status.counts[key]}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Syncs per state, recent failures and the dead letters with Retry (admins: `manage:crm`). */
export function SyncStatusSection() {
  const status = useCrmSyncStatus();
  useFollowSyncs(status.data);
  const now = useNow(30_000);
  const [showAll, setShowAll] = useState(false);

  let body: ReactNode;
  if (status.isPending) body = <LoadingState label="Loading the sync status…" />;
  else if (!status.data) {
    body = (
      <ErrorState
        error={status.error}
        title="Could not load the sync status"
        onRetry={() => void status.refetch()}
      />
    );
  } else {
    const { failures, deadLetters } = status.data;
    const shownFailures = showAll ? failures : failures.slice(0, 5);
    body = (
      <div className="space-y-6">
        <Counts status={status.data} />
        <div>
          <h3 className="text-sm font-semibold text-slate-900 dark:text-white">Recent failures</h3>
          {failures.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Nothing has failed.</p>
          ) : (
            <>
              <ul aria-label="Recent failures" className="divide-y divide-slate-200 dark:divide-slate-800">
                {shownFailures.map((failure) => (
                  <FailureItem
                    key={`${failure.connectionId}:${failure.leadId}`}
                    failure={failure}
                    now={now}
                  />
                ))}
              </ul>
              {failures.length > shownFailures.length && (
                <Button variant="ghost" size="sm" onClick={() => setShowAll(true)}>
                  Show all {failures.length}
                </Button>
              )}
            </>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
            Dead letters{deadLetters.length > 0 ? ` (${deadLetters.length})` : ''}
          </h3>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Syncs whose retries are spent. Fix the cause in the CRM or the mapping, then retry them.
          </p>
          {deadLetters.length === 0 ? (
            <div className="mt-2">
              <EmptyState title="No dead letters" />
            </div>
          ) : (
            <ul aria-label="Dead letters" className="divide-y divide-slate-200 dark:divide-slate-800">
              {deadLetters.map((letter) => (
                <DeadLetterItem key={letter.id} letter={letter} now={now} />
              ))}
            </ul>
          )}
        </div>
      </div>
    );
  }

  return (
    <section
      aria-labelledby="crm-sync-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="crm-sync-heading" className="mb-3 text-base font-semibold text-slate-900 dark:text-white">
        Sync status
      </h2>
      {body}
    </section>
  );
}
