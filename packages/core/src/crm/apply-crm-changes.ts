import type { CrmRecordChange } from '@replyforce/connectors/crm/types.ts';
import {
  applyCrmRecordChange,
  type CrmVendorName,
  findCrmConnectionsByAccount,
  withSystem,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Owner and status changes made in the CRM, shown on the leads they belong to (found by record id,
 * or by our external key, the contact id). Idempotent, and an older change never overwrites a newer
 * one, so redelivered webhooks and overlapping pulls are harmless. Returns the leads updated.
 */
export async function applyCrmChanges(
  deps: CoreDeps,
  tenantId: string,
  connectionId: string,
  changes: CrmRecordChange[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const leads = await withTenant(deps.db, tenantId, async (tx) => {
    const touched = new Set<string>();
    for (const ch of changes) {
      const ids = await applyCrmRecordChange(tx, tenantId, connectionId, {
        recordId: ch.recordId,
        ...(ch.externalKey && UUID.test(ch.externalKey) ? { contactId: ch.externalKey } : {}),
        ...(ch.owner !== undefined ? { owner: ch.owner } : {}),
        ...(ch.status !== undefined ? { status: ch.status } : {}),
        changedAt: ch.changedAt,
      });
      for (const id of ids) touched.add(id);
    }
    return [...touched];
  });
  for (const id of leads) publish(deps, tenantId, 'lead.updated', { id, crm: true });
  return leads.length;
}

/**
 * A vendor webhook's changes for one CRM account, applied in every workspace connected to it (a
 * portal connected twice is two workspaces' business). Unknown accounts change nothing.
 */
export async function applyCrmWebhookChanges(
  deps: CoreDeps,
  vendor: CrmVendorName,
  accountId: string,
  changes: CrmRecordChange[],
): Promise<number> {
  const connections = await withSystem(deps.db, (tx) => findCrmConnectionsByAccount(tx, vendor, accountId));
  let n = 0;
  for (const c of connections) n += await applyCrmChanges(deps, c.tenantId, c.id, changes);
  return n;
}
