import {
  countContactData,
  deleteContactData,
  findContact,
  queueContactCrmErasures,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { dispatchCrmSync } from './dispatch-crm-syncs.ts';

/**
 * Erases a contact (GDPR right to erasure): its conversations, messages, lead and stored webhook
 * payloads are deleted in one transaction, and the erasure of every CRM record synced for it is
 * queued in that same transaction (delete or anonymise, per connection), so it happens even if the
 * process dies right after. The audit entry keeps counts and ids only, no personal data.
 */
export async function eraseContact(deps: CoreDeps, actor: Actor, contactId: string): Promise<void> {
  const { tenantId } = actor;
  const erasures = await withTenant(deps.db, tenantId, async (tx) => {
    const contact = await findContact(tx, tenantId, contactId);
    if (!contact) throw new AppError('NOT_FOUND', 'No such contact');
    const counts = await countContactData(tx, tenantId, contactId);
    const queued = await queueContactCrmErasures(tx, tenantId, contactId);
    await deleteContactData(tx, tenantId, contactId);
    await recordAudit(tx, actor, {
      action: 'contact.erased',
      resourceType: 'contact',
      resourceId: contactId,
      result: 'success',
      metadata: {
        conversations: counts.conversations,
        messages: counts.messages,
        crmRecords: queued.map((q) => ({ connectionId: q.connectionId, mode: q.mode })),
      },
    });
    return queued;
  });
  // The dispatcher would find them within seconds; this only saves the wait.
  for (const leadId of new Set(erasures.map((e) => e.leadId)))
    await dispatchCrmSync(deps, tenantId, leadId).catch(() => {});
}
