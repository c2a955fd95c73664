import { type AiAnalysis, type KnowledgeHit, type PipelineInput, runPipeline } from '@replyforce/ai';
import {
  type DecisionContext,
  lockDecisionContext,
  lockDecisionContexts,
  type Tx,
  updateMessage,
  withTenant,
} from '@replyforce/db';
import { toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { createGroupedBatcher } from '../ingestion/batcher.ts';
import { leadEvent } from '../leads/lead-dto.ts';
import { dispatchMail } from '../mail/queue-mail.ts';
import { dispatchSend } from '../outbound/dispatch-send.ts';
import { publish } from '../realtime/publish.ts';
import { type Applied, applyAnalyses, applyAnalysis, type Decided } from './apply-analysis.ts';
import { pipelineInputFor, searchKnowledge, searchKnowledgeMany } from './pipeline-input.ts';
import { responseCache } from './response-cache.ts';
import { tenantLlm } from './tenant-llm.ts';

/**
 * The `ai` worker: runs the AI pipeline on one customer message and records its analysis, the
 * lead's new score and the decision's reply (ARCHITECTURE.md, the message path).
 *
 * With local models only, everything happens in one transaction (the pipeline takes about a
 * millisecond). With a tenant's language model, the calls take seconds: the context is read, the
 * pipeline runs outside any transaction, and the result is written in a second one that checks
 * nobody wrote it meanwhile (a retried job then does nothing).
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

type Job = { tenantId: string; messageId: string };
/** What the locked step decided: applied at once (local models), or to run with the tenant's model. */
type First = { applied: Applied } | { later: PipelineInput; hasKnowledge: boolean };

/**
 * Jobs that wait together are decided in one transaction: one read of all their contexts, then
 * each message in turn. Two messages of one contact go in successive rounds, so the second sees
 * the first's reply and the lead as the first left it, as if their jobs had run one after another.
 */
const batchers = new WeakMap<CoreDeps, { submit(job: Job): Promise<First | undefined> }>();

function decideBatcher(deps: CoreDeps) {
  let b = batchers.get(deps);
  if (!b) {
    b = createGroupedBatcher<Job, First | undefined>(
      (tenantId, jobs) =>
        withTenant(deps.db, tenantId, (tx) =>
          decideMany(
            deps,
            tx,
            tenantId,
            jobs.map((j) => j.messageId),
          ),
        ),
      { maxBatch: 50, maxInFlight: 1 },
    );
    batchers.set(deps, b);
  }
  return b;
}

async function decideMany(deps: CoreDeps, tx: Tx, tenantId: string, ids: string[]) {
  const out = new Map<string, First>();
  let pending = [...new Set(ids)];
  while (pending.length > 0) {
    const found = (await lockDecisionContexts(tx, tenantId, pending))
      .filter((f) => f.message.direction === 'inbound' && f.message.aiAnalysis === null)
      .sort((a, b) => a.message.createdAt.getTime() - b.message.createdAt.getTime());
    const round = new Map<string, DecisionContext>();
    for (const f of found) if (!round.has(f.contact.id)) round.set(f.contact.id, f);
    const decided: Decided[] = [];
    const batch = [...round.values()];
    // The knowledge base is searched for the whole round in one statement.
    const hits = batch.some((f) => f.hasKnowledge)
      ? await searchKnowledgeMany(
          tx,
          tenantId,
          batch.map((f) => f.message.text),
        )
      : [];
    for (const [i, f] of batch.entries()) {
      const step = await runLocked(deps, tx, tenantId, f, hits[i]);
      if ('later' in step) out.set(f.message.id, step);
      else decided.push({ found: f, analysis: step.analysis });
    }
    const applied = await applyAnalyses(deps, tx, tenantId, decided);
    decided.forEach((d, i) => {
      out.set(d.found.message.id, { applied: applied[i] as Applied });
    });
    pending = found.filter((f) => !out.has(f.message.id)).map((f) => f.message.id);
  }
  return ids.map((id) => out.get(id));
}

/** Runs the pipeline inside the transaction when it needs no model call (local models, a blocked model). */
async function runLocked(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  found: DecisionContext,
  knowledge: KnowledgeHit[] | undefined,
): Promise<{ analysis: AiAnalysis } | { later: PipelineInput; hasKnowledge: boolean }> {
  const input = pipelineInputFor(tx, tenantId, found, knowledge);
  const model = await tenantLlm(deps, tx, {
    id: tenantId,
    plan: found.tenantPlan,
    settings: found.tenantSettings,
  });
  const withModel: PipelineInput = {
    ...input,
    ...(model.llm ? { llm: model.llm, cache: responseCache(tenantId) } : {}),
    ...(model.blocked ? { llmBlocked: model.blocked } : {}),
  };
  if (!model.llm) return { analysis: await runPipeline(withModel) };
  return { later: withModel, hasKnowledge: found.hasKnowledge };
}

async function decide(deps: CoreDeps, job: Job): Promise<void> {
  const { tenantId } = job;
  const first = await decideBatcher(deps).submit(job);
  if (!first) return;
  let applied: Applied | undefined = 'applied' in first ? first.applied : undefined;
  if ('later' in first) {
    const analysis: AiAnalysis = await runPipeline({
      ...first.later,
      searchKnowledge: first.hasKnowledge
        ? (q) => withTenant(deps.db, tenantId, (tx) => searchKnowledge(tx, tenantId, q))
        : async () => [],
    });
    applied = await withTenant(deps.db, tenantId, async (tx) => {
      const found = await lockDecisionContext(tx, tenantId, job.messageId);
      if (found?.message.direction !== 'inbound' || found.message.aiAnalysis !== null) return undefined;
      return applyAnalysis(deps, tx, tenantId, found, analysis);
    });
  }
  if (applied) await announce(deps, tenantId, applied);
}

async function announce(deps: CoreDeps, tenantId: string, r: Applied): Promise<void> {
  if (r.reply) {
    if (r.sendNow) await dispatchSend(deps, tenantId, r.reply.id);
    publish(deps, tenantId, 'message.created', toMessageDto(r.reply));
  }
  if (r.analyzed) {
    publish(deps, tenantId, 'message.status', toMessageDto(r.analyzed));
    publish(deps, tenantId, 'message.processed', {
      messageId: r.analyzed.id,
      conversationId: r.analyzed.conversationId,
      decision: r.stored.decision.action,
      intent: r.stored.lead_score.intent,
      sentiment: r.stored.sentiment.sentiment,
      leadTag: r.stored.lead_score.tag,
      leadScore: r.stored.lead_score.score,
      tokens: r.stored.tokens,
      costUsd: r.stored.cost_usd,
    });
  }
  if (r.lead) publish(deps, tenantId, 'lead.updated', leadEvent(r.lead));
  for (const mailId of r.mails) await dispatchMail(deps, tenantId, mailId);
  if (r.stored.decision.action === 'handoff')
    publish(deps, tenantId, 'conversation.escalated', {
      conversationId: r.conversationId,
      assigneeId: r.assigneeId,
      triggers: r.stored.decision.triggers,
    });
  for (const alert of r.budgetAlerts) publish(deps, tenantId, 'ai.budget_alert', alert);
  if (r.view) publish(deps, tenantId, 'conversation.updated', toConversationDto(r.view));
}
