import type { AiAnalysis } from '@replyforce/ai';
import {
  addAiUsage,
  findConversationView,
  insertMessage,
  type lockDecisionContext,
  type MessageRow,
  recordLeadScore,
  setConversationsLeadTag,
  setMessageAnalysis,
  type Tx,
  updateConversation,
} from '@replyforce/db';
import { usageWindow } from '../ai-settings/llm-settings.ts';
import type { CoreDeps } from '../deps.ts';
import { windowState } from '../outbound/policy.ts';
import { crossedBudgets } from './budget-alert.ts';
import { queueEscalationMails } from './notify-escalation.ts';

type Found = NonNullable<Awaited<ReturnType<typeof lockDecisionContext>>>;

/**
 * Writes what the pipeline decided, in the caller's transaction: the lead's score (and its
 * history), the reply (queued, or a draft for approval), the conversation's status, the model
 * usage, the analysis on the message, and the escalation mails. The reply's idempotency key is
 * the inbound message id.
 */
export async function applyAnalysis(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  found: Found,
  analysis: AiAnalysis,
) {
  const lead0 = found.lead;
  const { message: inbound, conversation, channel, contact } = found;
  const { lead, changed } = await recordLeadScore(tx, tenantId, lead0, {
    contactId: contact.id,
    messageId: inbound.id,
    score: analysis.lead_score.score,
    tag: analysis.lead_score.tag,
    intent: analysis.lead_score.intent,
    signals: analysis.lead_score.signals,
    recommendedAction: analysis.lead_score.recommended_action,
  });
  const tagChanged = lead0?.tag !== lead.tag;
  if (tagChanged) await setConversationsLeadTag(tx, tenantId, contact.id, lead.tag);
  let budgetAlerts: Awaited<ReturnType<typeof crossedBudgets>> = [];
  if (analysis.tokens > 0) {
    await addAiUsage(tx, tenantId, usageWindow(new Date()).day, {
      inputTokens: analysis.stages.reduce((n, st) => n + st.input_tokens, 0),
      outputTokens: analysis.stages.reduce((n, st) => n + st.output_tokens, 0),
      costMicros: Math.round(analysis.cost_usd * 1e6),
    });
    budgetAlerts = await crossedBudgets(tx, tenantId, found.tenantPlan, analysis.tokens);
  }
  const isComment = inbound.kind === 'comment';
  const held = heldBy(conversation.status, channel.platform, isComment, conversation.lastInboundAt);
  const action = held ? 'none' : analysis.decision.action;
  let reply: MessageRow | undefined;
  if (analysis.reply.text && action !== 'none') {
    reply = await insertMessage(tx, {
      id: crypto.randomUUID(),
      tenantId,
      conversationId: conversation.id,
      channelId: channel.id,
      direction: 'outbound',
      sender: 'ai',
      kind: isComment ? 'comment_reply' : 'text',
      text: analysis.reply.text,
      context: isComment ? { commentId: inbound.context.commentId, postId: inbound.context.postId } : {},
      replyToMessageId: inbound.id,
      idempotencyKey: `auto:${inbound.id}`,
      status: action === 'hold' ? 'draft' : 'pending',
    });
  }
  const status = action === 'handoff' ? 'needs_human' : action === 'hold' ? 'pending_approval' : undefined;
  if (status) await updateConversation(tx, tenantId, conversation.id, { status });
  const stored = {
    ...analysis,
    decision: held ? { ...analysis.decision, action: 'none' as const, reasons: [held] } : analysis.decision,
    replyMessageId: reply?.id ?? null,
    leadId: lead.id,
    decidedAt: new Date().toISOString(),
  };
  const analyzed = await setMessageAnalysis(tx, tenantId, inbound.id, stored);
  const view = status || tagChanged ? await findConversationView(tx, tenantId, conversation.id) : undefined;
  const mails =
    action === 'handoff'
      ? await queueEscalationMails(deps, tx, tenantId, {
          conversationId: conversation.id,
          assigneeId: conversation.assigneeId,
          customer: contact.displayName ?? contact.platformUserId,
          text: inbound.text,
          reasons: analysis.decision.reasons,
        })
      : [];
  return {
    reply,
    sendNow: action !== 'hold',
    analyzed,
    view,
    lead: changed ? lead : undefined,
    stored,
    mails,
    budgetAlerts,
    conversationId: conversation.id,
    assigneeId: conversation.assigneeId,
  };
}

/** Why the machine stays quiet on this message, if it must: a person has it, or the window closed. */
function heldBy(
  status: string,
  platform: string,
  isComment: boolean,
  lastInboundAt: Date | null,
): string | undefined {
  if (status === 'needs_human' || status === 'pending_approval') return `conversation is ${status}`;
  const window = windowState(platform as 'facebook', lastInboundAt, new Date());
  if (!isComment && !window.open && platform !== 'x')
    return 'the 24-hour window is closed; a person can answer with a template';
  return undefined;
}
