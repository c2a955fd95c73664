import { type CrmSyncReason, noteCrmLeadChange, type Tx } from '@replyforce/db';

/**
 * The one hook the rest of the app calls when a lead should reach the CRM (created, tag changed,
 * conversation closed); give the lead, or the contact whose lead it is. It writes durable state
 * only: the CRM dispatcher finds it and the crm worker syncs it, so the caller's transaction never
 * waits on a CRM or on the queue.
 *
 * Cost: with `tenantSettings` (the tenant's settings the caller already read), a tenant without an
 * active CRM connection costs nothing: no statement, no Redis call. Otherwise one statement, which
 * queues the lead for each active connection (and does nothing when there is none).
 */
export async function noteLeadChangeForCrm(
  tx: Tx,
  p: ({ leadId: string } | { contactId: string }) & {
    tenantId: string;
    reason: CrmSyncReason;
    tenantSettings?: Record<string, unknown> | null;
  },
): Promise<void> {
  if (p.tenantSettings !== undefined && p.tenantSettings?.crmSync !== true) return;
  await noteCrmLeadChange(
    tx,
    p.tenantId,
    'leadId' in p ? { leadId: p.leadId } : { contactId: p.contactId },
    p.reason,
  );
}
