import {
  findConversation,
  findConversationView,
  findMessage,
  updateConversation,
  updateMessage,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { dispatchSend } from '../outbound/dispatch-send.ts';
import { publish } from '../realtime/publish.ts';

/**
 * The approval queue: a person approves an AI draft (as written or edited), which is then sent like
 * any reply, or rejects it and answers themselves (the conversation then needs a human).
 */
export async function reviewDraft(
  deps: CoreDeps,
  actor: Actor,
  p: { conversationId: string; messageId: string; decision: 'approve' | 'reject'; text?: string | undefined },
) {
  const { tenantId } = actor;
  const result = await withTenant(deps.db, tenantId, async (tx) => {
    const conversation = await findConversation(tx, tenantId, p.conversationId, true);
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation');
    const draft = await findMessage(tx, tenantId, p.messageId, true);
    if (!draft || draft.conversationId !== conversation.id) throw new AppError('NOT_FOUND', 'No such draft');
    if (draft.status !== 'draft')
      throw new AppError('CONFLICT', `This reply is ${draft.status}, not a draft awaiting approval`);
    const approve = p.decision === 'approve';
    const edited = approve && p.text !== undefined && p.text.trim() !== draft.text;
    const message = await updateMessage(tx, tenantId, draft.id, {
      status: approve ? 'pending' : 'rejected',
      authorUserId: actor.userId,
      ...(edited ? { text: p.text?.trim(), context: { ...draft.context, editedFrom: draft.text } } : {}),
    });
    const status = approve ? 'open' : 'needs_human';
    if (conversation.status === 'pending_approval' || !approve)
      await updateConversation(tx, tenantId, conversation.id, { status });
    await recordAudit(tx, actor, {
      action: approve ? 'draft.approved' : 'draft.rejected',
      resourceType: 'message',
      resourceId: draft.id,
      result: 'success',
      metadata: { conversationId: conversation.id, edited },
    });
    const view = await findConversationView(tx, tenantId, conversation.id);
    return { message, view, approve };
  });
  if (result.approve && result.message) await dispatchSend(deps, tenantId, result.message.id);
  if (result.message) publish(deps, tenantId, 'message.status', toMessageDto(result.message));
  if (result.view) publish(deps, tenantId, 'conversation.updated', toConversationDto(result.view));
  if (!result.message) throw new AppError('NOT_FOUND', 'No such draft');
  return toMessageDto(result.message);
}
