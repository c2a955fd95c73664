import type { CrmVendorId } from '@replyforce/contracts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { ConnectActions } from './connect-actions.tsx';
import { type CrmConnection, useCrmIntegrations } from './crm-api.ts';
import { CrmVendorMark } from './crm-vendor-mark.tsx';
import { CRM_VENDOR_INFO, CRM_VENDORS } from './crm-vendors.ts';
import { IntegrationCard } from './integration-card.tsx';
import { MappingEditor } from './mapping-editor.tsx';
import { SyncStatusSection } from './sync-status-section.tsx';
import { type CrmConnectRedirect, useCrmConnectRedirect } from './use-crm-connect-redirect.ts';

function VendorCard({ vendor, connect }: { vendor: CrmVendorId; connect: CrmConnectRedirect }) {
  const info = CRM_VENDOR_INFO[vendor];
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-2.5">
        <CrmVendorMark vendor={vendor} />
        <h3 className="font-semibold text-slate-900 dark:text-white">{info.label}</h3>
      </div>
      <p className="mt-2 mb-3 flex-1 text-sm text-slate-600 dark:text-slate-400">{info.brings}</p>
      <ConnectActions vendor={vendor} connect={connect} mode="connect" />
    </li>
  );
}

function ConnectedList({
  list,
  manage,
  connect,
}: {
  list: CrmConnection[];
  manage: boolean;
  connect: CrmConnectRedirect;
}) {
  return (
    <div className="space-y-4">
      {list.map((connection) => (
        <IntegrationCard key={connection.id} connection={connection} manage={manage} connect={connect} />
      ))}
    </div>
  );
}

/**
 * /settings/crm: the workspace's CRM connections. Everyone may see which CRM is connected and how it
 * is doing; connecting, the mapping and the sync queue are for those who manage the CRM (admins).
 */
export function CrmSettingsPage() {
  const { tenant } = useSession();
  const manage = useCan('manage:crm');
  const integrations = useCrmIntegrations();
  const connect = useCrmConnectRedirect();
  const list = integrations.data ?? [];
  const connectable = CRM_VENDORS.filter((vendor) => !list.some((c) => c.vendor === vendor));

  return (
    <>
      <PageHeader
        title="CRM"
        description={
          manage
            ? `Every lead of ${tenant.name} is sent to your CRM with its score and a note with the conversation, and kept up to date.`
            : `The CRM that ${tenant.name}’s leads are sent to. Only admins can connect it or change what is sent.`
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="crm-connected-heading" className="space-y-3">
          <h2 id="crm-connected-heading" className="text-base font-semibold text-slate-900 dark:text-white">
            Connected CRM{list.length > 1 ? 's' : ''}
          </h2>
          {integrations.isPending ? (
            <LoadingState label="Loading the CRM connections…" />
          ) : !integrations.data ? (
            <ErrorState
              error={integrations.error}
              title="Could not load the CRM connections"
              onRetry={() => void integrations.refetch()}
            />
          ) : list.length === 0 ? (
            <EmptyState title="No CRM connected yet">
              {manage
                ? 'Connect one below: leads already in ReplyForce are sent at once, new ones within seconds.'
                : 'Leads stay in ReplyForce until a workspace admin connects a CRM.'}
            </EmptyState>
          ) : (
            <ConnectedList list={list} manage={manage} connect={connect} />
          )}
        </section>

        {manage && list.length > 0 && <SyncStatusSection />}

        {manage && list.map((connection) => <MappingEditor key={connection.id} connection={connection} />)}

        {manage && integrations.data && connectable.length > 0 && (
          <section aria-labelledby="crm-connect-heading" className="space-y-3">
            <div>
              <h2 id="crm-connect-heading" className="text-base font-semibold text-slate-900 dark:text-white">
                {list.length === 0 ? 'Connect a CRM' : 'Connect another CRM'}
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                You sign in to the CRM, approve ReplyForce’s access and come back here.
              </p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
              {connectable.map((vendor) => (
                <VendorCard key={vendor} vendor={vendor} connect={connect} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
