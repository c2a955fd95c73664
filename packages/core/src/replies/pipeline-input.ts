import type { KnowledgeHit, LeadHistory, PipelineInput, ThreadLine } from '@replyforce/ai';
import { toTsQuery } from '@replyforce/ai';
import {
  type LeadSnapshot,
  type lockDecisionContext,
  searchKbChunks,
  searchKbChunksMany,
  type ThreadRow,
  type Tx,
} from '@replyforce/db';
import { aiSettingsOf } from '../ai-settings/ai-settings.ts';

/** Replies that settled something for the customer; anything else leaves the streak running. */
const RESOLVING = new Set(['faq', 'knowledge', 'template', 'llm', 'cache']);
const KNOWLEDGE_HITS = 5;

type Found = NonNullable<Awaited<ReturnType<typeof lockDecisionContext>>>;

/** Everything the pipeline reads about one customer message, from the locked context row. */
export function pipelineInputFor(
  tx: Tx,
  tenantId: string,
  found: Found,
  /** The knowledge hits for the message's text, when the caller searched for a whole batch at once. */
  prefetched?: KnowledgeHit[],
): PipelineInput {
  const inbound = found.message;
  const settings = aiSettingsOf(found.tenantSettings);
  const thread: ThreadLine[] = found.thread
    .slice(0, 6)
    .reverse()
    .map((r) => ({ role: r.direction === 'inbound' ? 'customer' : 'business', text: r.text }));
  return {
    businessName: found.tenantName,
    platform: found.channel.platform,
    kind: inbound.kind === 'comment' ? 'comment' : 'dm',
    text: inbound.text,
    customerName: found.contact.displayName ?? undefined,
    thread,
    unresolvedStreak: unresolvedStreak(found.thread),
    lead: leadHistory(found.lead),
    voice: settings.brandVoice,
    rules: settings.autoReply,
    templates: found.templates,
    // No knowledge base, no search: most messages of a tenant without one skip a round trip.
    searchKnowledge: !found.hasKnowledge
      ? async () => []
      : (query) =>
          prefetched && query === inbound.text
            ? Promise.resolve(prefetched)
            : searchKnowledge(tx, tenantId, query),
    now: new Date(),
  };
}

/** searchKnowledge for many texts in one statement (a decision round). */
export async function searchKnowledgeMany(
  tx: Tx,
  tenantId: string,
  texts: string[],
): Promise<KnowledgeHit[][]> {
  const found = await searchKbChunksMany(tx, tenantId, texts.map(toTsQuery), KNOWLEDGE_HITS);
  return found.map((rows) =>
    rows.map((r) => ({ id: r.itemId, kind: r.kind, question: r.question, text: r.text })),
  );
}

export async function searchKnowledge(tx: Tx, tenantId: string, query: string): Promise<KnowledgeHit[]> {
  const rows = await searchKbChunks(tx, tenantId, toTsQuery(query), KNOWLEDGE_HITS);
  return rows.map((r) => ({ id: r.itemId, kind: r.kind, question: r.question, text: r.text }));
}

function leadHistory(lead: LeadSnapshot | undefined): LeadHistory {
  return {
    inboundCount: (lead?.messageCount ?? 0) + 1,
    previousScore: lead?.score ?? null,
    previousTag: lead?.tag ?? null,
    manualTag: lead?.manualTag ?? null,
    previousAt: lead?.updatedAt ?? null,
    earlierTags: lead?.earlierTags ?? [],
  };
}

/**
 * Customer messages in a row, newest first, that the AI could only acknowledge (a holding reply),
 * stopping at a person's reply or an answer that settled something. Messages not analysed yet
 * (jobs run out of order after a retry) neither count nor break the run.
 */
function unresolvedStreak(rows: ThreadRow[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.sender === 'agent') break;
    if (r.direction !== 'inbound' || !r.replySource) continue;
    if (RESOLVING.has(r.replySource)) break;
    if (r.replySource === 'holding') n++;
  }
  return n;
}
