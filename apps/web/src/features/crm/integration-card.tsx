import { type ReactNode, useId } from 'react';
import { Alert } from '../../components/alert.tsx';
import { capitalize, formatDateTime, formatRelative } from '../../lib/format.ts';
import { useNow } from '../../lib/use-now.ts';
import { ConnectActions } from './connect-actions.tsx';
import type { CrmConnection } from './crm-api.ts';
import { CrmStatusBadge } from './crm-status-badge.tsx';
import { CrmVendorMark } from './crm-vendor-mark.tsx';
import { CRM_VENDOR_INFO } from './crm-vendors.ts';
import { DisconnectControl, EraseModeControl } from './integration-controls.tsx';
import type { CrmConnectRedirect } from './use-crm-connect-redirect.ts';

function When({ iso, now, never = 'Never' }: { iso: string | null; now: number; never?: string }) {
  if (!iso) return <span className="text-slate-600 dark:text-slate-400">{never}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 break-words text-slate-800 dark:text-slate-200">{children}</dd>
    </>
  );
}

/** One connected CRM: its account and state, and for admins erase mode, reconnect and disconnect. */
export function IntegrationCard({
  connection,
  manage,
  connect,
}: {
  connection: CrmConnection;
  manage: boolean;
  connect: CrmConnectRedirect;
}) {
  const now = useNow(30_000);
  const headingId = useId();
  const vendor = CRM_VENDOR_INFO[connection.vendor];
  const reconnect = manage ? (
    <div className="mt-3">
      <ConnectActions vendor={connection.vendor} connect={connect} mode="reconnect" />
    </div>
  ) : (
    <p className="mt-1">Ask a workspace admin to reconnect it.</p>
  );

  return (
    <article
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <CrmVendorMark vendor={connection.vendor} className="size-8" />
          <div className="min-w-0">
            <h3 id={headingId} className="font-semibold text-slate-900 dark:text-white">
              {vendor.label}
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Leads sync as {vendor.label} {vendor.record}s
            </p>
          </div>
        </div>
        <CrmStatusBadge status={connection.status} />
      </div>

      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <Detail term="Account">
          <span className="font-mono text-xs leading-5 break-all">{connection.accountId ?? 'Unknown'}</span>
        </Detail>
        <Detail term="Connected with">
          {connection.authType === 'oauth' ? 'Sign-in (OAuth)' : capitalize(vendor.token?.aName ?? 'a token')}
        </Detail>
        <Detail term="Last sync">
          <When iso={connection.lastSyncAt} now={now} never="Not yet" />
        </Detail>
        <Detail term="Connected">
          <time dateTime={connection.createdAt}>{formatDateTime(connection.createdAt)}</time>
        </Detail>
      </dl>

      {connection.status === 'needs_reauth' && (
        <Alert tone="warning" title={`Reconnect ${vendor.label}`} className="mt-4">
          {vendor.label} stopped accepting ReplyForce’s access. Leads wait in the queue and nothing is lost:
          they are sent as soon as it is reconnected.
          {reconnect}
        </Alert>
      )}
      {connection.lastError && (
        <div className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
          <p className="font-medium text-slate-800 dark:text-slate-200">
            Last error
            {connection.lastErrorAt && (
              <span className="font-normal text-slate-600 dark:text-slate-400">
                {' '}
                · <When iso={connection.lastErrorAt} now={now} />
              </span>
            )}
          </p>
          <p className="mt-0.5 break-words text-slate-700 dark:text-slate-300">{connection.lastError}</p>
        </div>
      )}

      {manage && (
        <div className="mt-4 space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800">
          <EraseModeControl connection={connection} />
          <div className="flex flex-wrap items-center gap-2">
            {connection.status === 'active' && (
              <details className="group w-full">
                <summary className="w-fit cursor-pointer rounded-md px-1 py-1 text-sm font-medium text-slate-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300">
                  Reconnect or change the account
                </summary>
                <div className="mt-2">
                  <ConnectActions vendor={connection.vendor} connect={connect} mode="reconnect" />
                </div>
              </details>
            )}
            <DisconnectControl connection={connection} />
          </div>
        </div>
      )}
    </article>
  );
}
