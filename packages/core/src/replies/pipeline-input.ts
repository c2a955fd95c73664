import type { KnowledgeHit, LeadHistory, PipelineInput, ThreadLine } from '@replyforce/ai';
import { toTsQuery } from '@replyforce/ai';
import {
  earlierLeadTags,
  type LeadRow,
  listReplyTemplates,
  type MessageRow,
  recentThread,
  searchKbChunks,
  type Tx,
} from '@replyforce/db';
import { aiSettingsOf } from '../ai-settings/ai-settings.ts';

/** Replies that settled something for the customer; anything else leaves the streak running. */
const RESOLVING = new Set(['faq', 'knowledge', 'template', 'llm', 'cache']);
const KNOWLEDGE_HITS = 5;

type Found = {
  message: MessageRow;
  conversation: { id: string };
  channel: { platform: string };
  contact: { displayName: string | null };
  tenantName: string;
  tenantSettings: Record<string, unknown>;
};

/** Everything the pipeline reads about one customer message, from one transaction. */
export async function pipelineInputFor(
  tx: Tx,
  tenantId: string,
  found: Found,
  lead: LeadRow | undefined,
): Promise<PipelineInput> {
  const inbound = found.message;
  const settings = aiSettingsOf(found.tenantSettings);
  const rows = await recentThread(tx, tenantId, found.conversation.id, inbound.createdAt);
  const thread: ThreadLine[] = rows
    .slice(0, 6)
    .reverse()
    .map((r) => ({ role: r.direction === 'inbound' ? 'customer' : 'business', text: r.text }));
  const templates = await listReplyTemplates(tx, tenantId);
  return {
    businessName: found.tenantName,
    platform: found.channel.platform,
    kind: inbound.kind === 'comment' ? 'comment' : 'dm',
    text: inbound.text,
    customerName: found.contact.displayName ?? undefined,
    thread,
    unresolvedStreak: unresolvedStreak(rows),
    lead: await leadHistory(tx, tenantId, lead),
    voice: settings.brandVoice,
    rules: settings.autoReply,
    templates: templates.map((t) => ({ intent: t.intent, body: t.body, language: t.language })),
    searchKnowledge: (query) => searchKnowledge(tx, tenantId, query),
    now: new Date(),
  };
}

export async function searchKnowledge(tx: Tx, tenantId: string, query: string): Promise<KnowledgeHit[]> {
  const rows = await searchKbChunks(tx, tenantId, toTsQuery(query), KNOWLEDGE_HITS);
  return rows.map((r) => ({ id: r.itemId, kind: r.kind, question: r.question, text: r.text }));
}

async function leadHistory(tx: Tx, tenantId: string, lead: LeadRow | undefined): Promise<LeadHistory> {
  return {
    inboundCount: (lead?.messageCount ?? 0) + 1,
    previousScore: lead?.score ?? null,
    previousTag: lead?.tag ?? null,
    manualTag: lead?.manualTag ?? null,
    previousAt: lead?.updatedAt ?? null,
    earlierTags: lead ? await earlierLeadTags(tx, tenantId, lead.id) : [],
  };
}

/**
 * Customer messages in a row, newest first, that the AI could only acknowledge (a holding reply),
 * stopping at a person's reply or an answer that settled something. Messages not analysed yet
 * (jobs run out of order after a retry) neither count nor break the run.
 */
function unresolvedStreak(rows: { direction: string; sender: string; replySource: string | null }[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.sender === 'agent') break;
    if (r.direction !== 'inbound' || !r.replySource) continue;
    if (RESOLVING.has(r.replySource)) break;
    if (r.replySource === 'holding') n++;
  }
  return n;
}
