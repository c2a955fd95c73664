import type { ConversationDto } from '@replyforce/contracts';
import { findConversation, findConversationView, updateConversation, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { noteLeadChangeForCrm } from '../crm/note-lead-change.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { toConversationDto } from './dto.ts';

export const MAX_SNOOZE_DAYS = 90;

export type SettableStatus = 'open' | 'needs_human' | 'snoozed' | 'closed';

function snoozeUntil(status: SettableStatus, snoozedUntil: string | undefined): Date | null {
  if (status !== 'snoozed') {
    if (snoozedUntil !== undefined) {
      throw new AppError('VALIDATION_FAILED', 'snoozedUntil goes only with status snoozed', {
        details: { snoozedUntil: 'Only for status snoozed' },
      });
    }
    return null;
  }
  const until = snoozedUntil === undefined ? undefined : new Date(snoozedUntil);
  const now = Date.now();
  if (!until || until.getTime() <= now || until.getTime() > now + MAX_SNOOZE_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', `Snoozing needs a time in the next ${MAX_SNOOZE_DAYS} days`, {
      details: { snoozedUntil: `A future time, at most ${MAX_SNOOZE_DAYS} days ahead` },
    });
  }
  return until;
}

/**
 * Opens, closes, snoozes or flags a conversation for a human. `open` on a conversation waiting
 * for a human hands it back to the AI; any status but snoozed clears the snooze.
 */
export async function setConversationStatus(
  deps: CoreDeps,
  actor: Actor,
  p: { conversationId: string; status: SettableStatus; snoozedUntil?: string | undefined },
): Promise<ConversationDto> {
  const { tenantId } = actor;
  const until = snoozeUntil(p.status, p.snoozedUntil);
  const dto = await withTenant(deps.db, tenantId, async (tx) => {
    const current = await findConversation(tx, tenantId, p.conversationId, true);
    if (!current) throw new AppError('NOT_FOUND', 'No such conversation');
    const changed = current.status !== p.status || current.snoozedUntil?.getTime() !== until?.getTime();
    if (changed) {
      await updateConversation(tx, tenantId, p.conversationId, { status: p.status, snoozedUntil: until });
      if (p.status === 'closed')
        await noteLeadChangeForCrm(tx, {
          tenantId,
          contactId: current.contactId,
          reason: 'conversation_closed',
        });
      await recordAudit(tx, actor, {
        action: 'conversation.status_changed',
        resourceType: 'conversation',
        resourceId: p.conversationId,
        result: 'success',
        metadata: {
          from: current.status,
          to: p.status,
          ...(until ? { snoozedUntil: until.toISOString() } : {}),
          ...(current.status === 'needs_human' && p.status === 'open' ? { handedBackToAi: true } : {}),
        },
      });
    }
    const view = await findConversationView(tx, tenantId, p.conversationId);
    return toConversationDto(view!);
  });
  publish(deps, tenantId, 'conversation.updated', dto);
  return dto;
}
