import type { MessageDto } from '@replyforce/contracts';
import {
  findChannel,
  findContact,
  findConversation,
  findLatestInbound,
  findMessageByIdempotencyKey,
  insertMessage,
  type MessageRow,
  updateConversation,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { toMessageDto } from '../conversations/dto.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publishConversation } from '../ingestion/process-inbound-event.ts';
import { publish } from '../realtime/publish.ts';
import { dispatchSend } from './dispatch-send.ts';
import { planSend } from './policy.ts';

export type AgentReply = {
  text: string;
  mode: 'auto' | 'public' | 'private';
  template?: { name: string; language: string; parameters: string[] } | undefined;
  idempotencyKey?: string | undefined;
};

/**
 * An agent's manual reply: checked against platform policy now (so the agent hears "window
 * closed" at once), then written as an outbound row and sent through the same outbound path as
 * the AI's replies. The same idempotency key sends once.
 */
export async function replyAsAgent(
  deps: CoreDeps,
  actor: Actor,
  conversationId: string,
  body: AgentReply,
): Promise<MessageDto> {
  const { tenantId } = actor;
  const { message, created } = await withTenant(deps.db, tenantId, async (tx) => {
    const key = body.idempotencyKey ? `agent:${body.idempotencyKey}` : undefined;
    if (key) {
      const earlier = await findMessageByIdempotencyKey(tx, tenantId, key);
      if (earlier) {
        if (earlier.conversationId !== conversationId)
          throw new AppError('CONFLICT', 'This idempotency key was used for another conversation');
        return { message: earlier, created: false };
      }
    }
    const conversation = await findConversation(tx, tenantId, conversationId, true);
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation');
    const channel = await findChannel(tx, tenantId, conversation.channelId);
    const contact = await findContact(tx, tenantId, conversation.contactId);
    if (!channel || !contact) throw new AppError('NOT_FOUND', 'No such conversation');
    if (channel.status !== 'active')
      throw new AppError(
        'POLICY_BLOCKED',
        `The ${channel.platform} channel must be reconnected before replying`,
        {
          details: { reason: `channel_${channel.status}` },
        },
      );

    let kind: MessageRow['kind'] = 'text';
    let context: Record<string, unknown> = {};
    if (conversation.kind === 'comments') {
      const comment = await findLatestInbound(tx, tenantId, conversation.id);
      const commentId = comment?.context.commentId;
      if (typeof commentId !== 'string')
        throw new AppError('POLICY_BLOCKED', 'There is no comment to reply to');
      kind = body.mode === 'private' ? 'private_reply' : 'comment_reply';
      context = { commentId, postId: comment?.context.postId ?? null };
    } else if (body.template) {
      kind = 'template';
      context = { template: body.template };
    } else if (body.mode === 'private' || body.mode === 'public') {
      throw new AppError('VALIDATION_FAILED', 'Public and private replies apply to comment threads only');
    }
    const draft: MessageRow = {
      id: crypto.randomUUID(),
      tenantId,
      conversationId: conversation.id,
      channelId: channel.id,
      direction: 'outbound',
      sender: 'agent',
      authorUserId: actor.userId,
      kind,
      text: body.template
        ? `[template ${body.template.name}] ${body.template.parameters.join(' · ')}`.trim()
        : body.text,
      attachments: [],
      context,
      platformMessageId: null,
      inboundEventId: null,
      replyToMessageId: null,
      idempotencyKey: key ?? null,
      status: 'pending',
      attempts: 0,
      lastAttemptAt: null,
      errorKind: null,
      errorMessage: null,
      aiAnalysis: null,
      createdAt: new Date(),
      sentAt: null,
      deliveredAt: null,
      readAt: null,
    };
    const plan = planSend(channel.platform, draft, conversation, contact, new Date());
    if (!plan.ok) throw new AppError('POLICY_BLOCKED', plan.message, { details: { reason: plan.reason } });
    const row = await insertMessage(tx, draft);
    if (!row) throw new AppError('CONFLICT', 'This reply was already sent');
    await updateConversation(tx, tenantId, conversation.id, { unreadCount: 0 });
    return { message: row, created: true };
  });
  if (created) {
    await dispatchSend(deps, tenantId, message.id);
    publish(deps, tenantId, 'message.created', toMessageDto(message));
    await publishConversation(deps, tenantId, conversationId);
  }
  return toMessageDto(message);
}
