import type { AiAnalysis } from '@replyforce/ai';
import {
  addAiUsage,
  type DecisionContext,
  findConversationView,
  insertMessages,
  type MessageRow,
  recordLeadScores,
  setConversationsLeadTag,
  setMessageAnalyses,
  type Tx,
  updateConversation,
} from '@replyforce/db';
import { usageWindow } from '../ai-settings/llm-settings.ts';
import { noteLeadChangeForCrm } from '../crm/note-lead-change.ts';
import type { CoreDeps } from '../deps.ts';
import { windowState } from '../outbound/policy.ts';
import { crossedBudgets } from './budget-alert.ts';
import { queueEscalationMails } from './notify-escalation.ts';

export type Decided = { found: DecisionContext; analysis: AiAnalysis };
export type Applied = Awaited<ReturnType<typeof applyAnalyses>>[number];

/** applyAnalyses for one message. */
export async function applyAnalysis(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  found: DecisionContext,
  analysis: AiAnalysis,
): Promise<Applied> {
  const [applied] = await applyAnalyses(deps, tx, tenantId, [{ found, analysis }]);
  if (!applied) throw new Error('analysis not applied');
  return applied;
}

/**
 * Writes what the pipeline decided, in the caller's transaction: the leads' scores (and their
 * history), the replies (queued, or drafts for approval), the conversations' statuses, the model
 * usage, the analyses on the messages, and the escalation mails. One statement per table for the
 * whole batch where the rows are alike; the contacts are distinct (the caller's rounds see to it).
 * A reply's idempotency key is its inbound message id.
 */
export async function applyAnalyses(deps: CoreDeps, tx: Tx, tenantId: string, items: Decided[]) {
  const scored = await recordLeadScores(
    tx,
    tenantId,
    items.map(({ found, analysis }) => ({
      before: found.lead,
      update: {
        contactId: found.contact.id,
        messageId: found.message.id,
        score: analysis.lead_score.score,
        tag: analysis.lead_score.tag,
        intent: analysis.lead_score.intent,
        signals: analysis.lead_score.signals,
        recommendedAction: analysis.lead_score.recommended_action,
      },
    })),
  );

  const plans = items.map(({ found, analysis }, i) => {
    const { lead } = scored[i] as (typeof scored)[number];
    const { message: inbound, conversation, channel } = found;
    const isComment = inbound.kind === 'comment';
    const held = heldBy(conversation.status, channel.platform, isComment, conversation.lastInboundAt);
    const action = held ? 'none' : analysis.decision.action;
    const reply =
      analysis.reply.text && action !== 'none'
        ? {
            id: crypto.randomUUID(),
            tenantId,
            conversationId: conversation.id,
            channelId: channel.id,
            direction: 'outbound' as const,
            sender: 'ai' as const,
            kind: isComment ? ('comment_reply' as const) : ('text' as const),
            text: analysis.reply.text,
            context: isComment
              ? { commentId: inbound.context.commentId, postId: inbound.context.postId }
              : {},
            replyToMessageId: inbound.id,
            idempotencyKey: `auto:${inbound.id}`,
            status: action === 'hold' ? ('draft' as const) : ('pending' as const),
          }
        : undefined;
    const status =
      action === 'handoff'
        ? ('needs_human' as const)
        : action === 'hold'
          ? ('pending_approval' as const)
          : undefined;
    return {
      held,
      action,
      reply,
      status,
      tagChanged: found.lead?.tag !== lead.tag,
      stored: {
        ...analysis,
        decision: held
          ? { ...analysis.decision, action: 'none' as const, reasons: [held] }
          : analysis.decision,
        replyMessageId: reply?.id ?? null,
        leadId: lead.id,
        decidedAt: new Date().toISOString(),
      },
    };
  });

  const replies = new Map(
    (
      await insertMessages(
        tx,
        plans.flatMap((p) => (p.reply ? [p.reply] : [])),
      )
    ).map((m) => [m.replyToMessageId, m]),
  );
  const analyzed = new Map(
    (
      await setMessageAnalyses(
        tx,
        tenantId,
        items.map(({ found }, i) => ({
          id: found.message.id,
          analysis: (plans[i] as (typeof plans)[number]).stored,
        })),
      )
    ).map((m) => [m.id, m]),
  );

  const out = [];
  for (const [i, { found, analysis }] of items.entries()) {
    const plan = plans[i] as (typeof plans)[number];
    const { lead, changed } = scored[i] as (typeof scored)[number];
    const { message: inbound, conversation, contact } = found;
    if (plan.tagChanged) await setConversationsLeadTag(tx, tenantId, contact.id, lead.tag);
    if (plan.tagChanged)
      await noteLeadChangeForCrm(tx, {
        tenantId,
        leadId: lead.id,
        reason: found.lead ? 'tag_changed' : 'lead_created',
        tenantSettings: found.tenantSettings,
      });
    let budgetAlerts: Awaited<ReturnType<typeof crossedBudgets>> = [];
    if (analysis.tokens > 0) {
      await addAiUsage(tx, tenantId, usageWindow(new Date()).day, {
        inputTokens: analysis.stages.reduce((n, st) => n + st.input_tokens, 0),
        outputTokens: analysis.stages.reduce((n, st) => n + st.output_tokens, 0),
        costMicros: Math.round(analysis.cost_usd * 1e6),
      });
      budgetAlerts = await crossedBudgets(tx, tenantId, found.tenantPlan, analysis.tokens);
    }
    if (plan.status) await updateConversation(tx, tenantId, conversation.id, { status: plan.status });
    const view =
      plan.status || plan.tagChanged ? await findConversationView(tx, tenantId, conversation.id) : undefined;
    const mails =
      plan.action === 'handoff'
        ? await queueEscalationMails(deps, tx, tenantId, {
            conversationId: conversation.id,
            assigneeId: conversation.assigneeId,
            customer: contact.displayName ?? contact.platformUserId,
            text: inbound.text,
            reasons: analysis.decision.reasons,
          })
        : [];
    const reply: MessageRow | undefined = replies.get(inbound.id);
    out.push({
      reply,
      sendNow: plan.action !== 'hold',
      analyzed: analyzed.get(inbound.id),
      view,
      lead: changed ? lead : undefined,
      stored: plan.stored,
      mails,
      budgetAlerts,
      conversationId: conversation.id,
      assigneeId: conversation.assigneeId,
    });
  }
  return out;
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
