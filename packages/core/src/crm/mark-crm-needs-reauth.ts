import {
  findCrmConnection,
  listMembers,
  lockTenantForCrm,
  refreshTenantCrmFlag,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { dispatchMail, queueMailIn } from '../mail/queue-mail.ts';

const VENDOR_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  zoho: 'Zoho CRM',
  pipedrive: 'Pipedrive',
};

/**
 * The CRM no longer accepts our credentials: the connection is marked needs_reauth once (its
 * syncs wait, nothing is dropped), audited, and every admin of the tenant gets a mail saying how
 * to reconnect. Leads keep queueing; reconnecting sends what changed meanwhile.
 */
export async function markCrmNeedsReauth(
  deps: CoreDeps,
  tenantId: string,
  connectionId: string,
  reason: string,
): Promise<void> {
  const mails = await withTenant(deps.db, tenantId, async (tx) => {
    await lockTenantForCrm(tx, tenantId);
    const row = await findCrmConnection(tx, tenantId, connectionId);
    if (row?.status !== 'active') return [];
    await updateCrmConnection(tx, tenantId, connectionId, {
      status: 'needs_reauth',
      lastError: reason.slice(0, 500),
      lastErrorAt: new Date(),
      busyUntil: null,
      busyBy: null,
    });
    await refreshTenantCrmFlag(tx, tenantId);
    await recordAudit(
      tx,
      { tenantId, ip: undefined },
      {
        action: 'crm.needs_reauth',
        resourceType: 'crm_connection',
        resourceId: connectionId,
        result: 'failure',
        metadata: { vendor: row.vendor, accountId: row.accountId, reason: reason.slice(0, 200) },
      },
    );
    const name = VENDOR_NAMES[row.vendor] ?? row.vendor;
    const admins = (await listMembers(tx, tenantId)).filter((m) => m.role === 'admin');
    const ids: string[] = [];
    for (const admin of admins)
      ids.push(
        await queueMailIn(tx, tenantId, {
          to: admin.email,
          subject: `Reconnect ${name}: ReplyForce lost access to your CRM`,
          text: [
            `${name}${row.accountId ? ` (account ${row.accountId})` : ''} stopped accepting ReplyForce's access:`,
            reason,
            '',
            'New and changed leads are kept and will be sent once you reconnect it from CRM settings:',
            `${deps.config.publicUrl}/settings/crm`,
          ].join('\n'),
        }),
      );
    return ids;
  });
  for (const id of mails) await dispatchMail(deps, tenantId, id);
}
