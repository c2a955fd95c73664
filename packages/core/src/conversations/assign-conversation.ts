import { type ConversationDto, can } from '@replyforce/contracts';
import {
  findConversation,
  findConversationView,
  findMembership,
  updateConversation,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { toConversationDto } from './dto.ts';

/** Gives the conversation to a teammate who can answer it, or (null) back to the shared inbox. */
export async function assignConversation(
  deps: CoreDeps,
  actor: Actor,
  p: { conversationId: string; assigneeId: string | null },
): Promise<ConversationDto> {
  const { tenantId } = actor;
  const dto = await withTenant(deps.db, tenantId, async (tx) => {
    const current = await findConversation(tx, tenantId, p.conversationId, true);
    if (!current) throw new AppError('NOT_FOUND', 'No such conversation');
    if (p.assigneeId !== null) {
      const member = await findMembership(tx, tenantId, p.assigneeId);
      if (!member) {
        throw new AppError('VALIDATION_FAILED', 'The assignee is not a member of this workspace', {
          details: { assigneeId: 'Not a member of this workspace' },
        });
      }
      if (!can(member.role, 'write:conversations')) {
        throw new AppError('VALIDATION_FAILED', `A ${member.role} cannot answer conversations`, {
          details: { assigneeId: `Role ${member.role} may not write conversations` },
        });
      }
    }
    if (current.assigneeId !== p.assigneeId) {
      await updateConversation(tx, tenantId, p.conversationId, { assigneeId: p.assigneeId });
      await recordAudit(tx, actor, {
        action: 'conversation.assigned',
        resourceType: 'conversation',
        resourceId: p.conversationId,
        result: 'success',
        metadata: { from: current.assigneeId, to: p.assigneeId },
      });
    }
    const view = await findConversationView(tx, tenantId, p.conversationId);
    return toConversationDto(view!);
  });
  publish(deps, tenantId, 'conversation.updated', dto);
  return dto;
}
