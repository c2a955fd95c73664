import {
  findConversationView,
  insertMessage,
  lockDecisionContext,
  type MessageRow,
  updateConversation,
  updateMessage,
  withTenant,
} from '@replyforce/db';
import { toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { dispatchSend } from '../outbound/dispatch-send.ts';
import { windowState } from '../outbound/policy.ts';
import { publish } from '../realtime/publish.ts';

/**
 * The `ai` worker: decides what to do with one customer message and records the decision on it
 * (`ai_analysis`), in the same transaction as the reply it queues. The reply's idempotency key is
 * the inbound message id, so a retried or duplicated job never answers twice.
 */
export async function decideReply(
  deps: CoreDeps,
  job: { tenantId: string; messageId: string },
  ctx: { final: boolean } = { final: false },
): Promise<void> {
  try {
    await decide(deps, job);
  } catch (err) {
    // The last attempt records the failure on the message, so the sweeper does not retry forever.
    if (ctx.final) {
      await withTenant(deps.db, job.tenantId, (tx) =>
        updateMessage(tx, job.tenantId, job.messageId, {
          aiAnalysis: { decision: 'failed', error: err instanceof Error ? err.message : String(err) },
        }),
      ).catch(() => {});
    }
    throw err;
  }
}

async function decide(deps: CoreDeps, job: { tenantId: string; messageId: string }): Promise<void> {
  const { tenantId } = job;
  const result = await withTenant(deps.db, tenantId, async (tx) => {
    const found = await lockDecisionContext(tx, tenantId, job.messageId);
    if (found?.message.direction !== 'inbound' || found.message.aiAnalysis !== null) return undefined;
    const { message: inbound, conversation, channel, contact } = found;

    const record = (analysis: Record<string, unknown>) =>
      updateMessage(tx, tenantId, inbound.id, {
        aiAnalysis: { ...analysis, decidedAt: new Date().toISOString() },
      });

    // A person has the conversation: the machine stays quiet until it is handed back.
    if (conversation.status === 'needs_human' || conversation.status === 'pending_approval') {
      await record({ decision: 'none', reason: `conversation is ${conversation.status}` });
      return undefined;
    }
    const isComment = inbound.kind === 'comment';
    const window = windowState(channel.platform, conversation.lastInboundAt, new Date());
    if (!isComment && !window.open && channel.platform !== 'x') {
      await record({
        decision: 'none',
        reason: 'the 24-hour window is closed; a person can answer with a template',
      });
      return undefined;
    }
    const decision = await deps.decide({
      tenantName: found.tenantName,
      platform: channel.platform,
      kind: isComment ? 'comment' : 'dm',
      text: inbound.text,
      customerName: contact.displayName ?? undefined,
      inboundCount: found.inboundCount,
    });
    let reply: MessageRow | undefined;
    if (decision.reply && decision.action !== 'hold') {
      reply = await insertMessage(tx, {
        id: crypto.randomUUID(),
        tenantId,
        conversationId: conversation.id,
        channelId: channel.id,
        direction: 'outbound',
        sender: 'ai',
        kind: isComment ? 'comment_reply' : 'text',
        text: decision.reply,
        context: isComment ? { commentId: inbound.context.commentId, postId: inbound.context.postId } : {},
        replyToMessageId: inbound.id,
        idempotencyKey: `auto:${inbound.id}`,
        status: 'pending',
      });
    }
    const handedOff = decision.action === 'handoff';
    if (handedOff) await updateConversation(tx, tenantId, conversation.id, { status: 'needs_human' });
    const analyzed = await record({
      decision: decision.action,
      confidence: decision.confidence,
      reasons: decision.reasons,
      engine: decision.engine,
      replyMessageId: reply?.id ?? null,
    });
    // Only a handoff changes the thread as dashboards list it; a queued reply shows once sent.
    const view = handedOff ? await findConversationView(tx, tenantId, conversation.id) : undefined;
    return { reply, analyzed, view };
  });
  if (!result) return;
  if (result.reply) {
    await dispatchSend(deps, tenantId, result.reply.id);
    publish(deps, tenantId, 'message.created', toMessageDto(result.reply));
  }
  if (result.analyzed) publish(deps, tenantId, 'message.status', toMessageDto(result.analyzed));
  if (result.view) publish(deps, tenantId, 'conversation.updated', toConversationDto(result.view));
}
