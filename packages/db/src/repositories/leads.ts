import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { contacts, conversations, leadScoreEvents, leads } from '../schema/index.ts';
import { type Keyset, olderThan } from './keyset.ts';
import { recordLeadScores } from './pipeline-batch.ts';

export type LeadRow = typeof leads.$inferSelect;
export type LeadScoreEventRow = typeof leadScoreEvents.$inferSelect;
type Tag = LeadRow['tag'];

export type ScoreUpdate = {
  contactId: string;
  messageId: string;
  score: number;
  tag: Tag;
  intent: string;
  signals: string[];
  recommendedAction: string;
};

/** Records a message's score on the contact's lead (recordLeadScores for one contact). */
export async function recordLeadScore(
  tx: Tx,
  tenantId: string,
  before: { score: number; tag: Tag } | undefined,
  u: ScoreUpdate,
): Promise<{ lead: LeadRow; changed: boolean }> {
  const [recorded] = await recordLeadScores(tx, tenantId, [{ before, update: u }]);
  if (!recorded) throw new Error('lead not written');
  return recorded;
}

/** A person's tag (or null to let scoring decide again), recorded in the score history. */
export async function setLeadManualTag(
  tx: Tx,
  tenantId: string,
  leadId: string,
  tag: Tag | null,
  actorUserId: string,
  computedTag: Tag,
): Promise<LeadRow | undefined> {
  const [before] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)))
    .for('update');
  if (!before) return undefined;
  const nextTag = tag ?? computedTag;
  const [lead] = await tx
    .update(leads)
    .set({ manualTag: tag, tag: nextTag, updatedAt: new Date() })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)))
    .returning();
  await tx.insert(leadScoreEvents).values({
    id: crypto.randomUUID(),
    tenantId,
    leadId,
    actorUserId,
    reason: 'manual',
    score: before.score,
    tag: nextTag,
    previousScore: before.score,
    previousTag: before.tag,
    signals: tag ? ['manual_tag'] : ['manual_tag_cleared'],
  });
  return lead;
}

const leadWithContact = {
  lead: leads,
  contact: {
    id: contacts.id,
    displayName: contacts.displayName,
    username: contacts.username,
    platformUserId: contacts.platformUserId,
    channelId: contacts.channelId,
  },
};

export type LeadListFilter = { tag?: Tag | undefined; q?: string | undefined; minScore?: number | undefined };

/** Newest activity first (keyset on updated_at, id), or highest score first. */
export async function listLeads(
  tx: Tx,
  tenantId: string,
  filter: LeadListFilter,
  page: { limit: number; after?: Keyset | undefined; offset?: number; sort: 'recent' | 'score' },
) {
  const where: (SQL | undefined)[] = [eq(leads.tenantId, tenantId)];
  if (filter.tag) where.push(eq(leads.tag, filter.tag));
  if (filter.minScore !== undefined) where.push(sql`${leads.score} >= ${filter.minScore}`);
  if (filter.q) {
    const p = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(ilike(contacts.displayName, p), ilike(contacts.username, p), ilike(contacts.platformUserId, p)),
    );
  }
  if (page.sort === 'recent' && page.after) where.push(olderThan(leads.updatedAt, leads.id, page.after));
  const q = tx
    .select(leadWithContact)
    .from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId))
    .where(and(...where))
    .limit(page.limit);
  // Scores change under a reader, so that order pages by offset; activity order by keyset.
  return page.sort === 'score'
    ? q.orderBy(desc(leads.score), desc(leads.updatedAt), desc(leads.id)).offset(page.offset ?? 0)
    : q.orderBy(desc(leads.updatedAt), desc(leads.id));
}

export async function getLead(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select(leadWithContact)
    .from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId))
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, id)));
  return row;
}

export async function listLeadScoreEvents(tx: Tx, tenantId: string, leadId: string, limit = 200) {
  // The newest `limit` changes, oldest first: a long history loses its oldest end, not its newest.
  const newest = await tx
    .select()
    .from(leadScoreEvents)
    .where(and(eq(leadScoreEvents.tenantId, tenantId), eq(leadScoreEvents.leadId, leadId)))
    .orderBy(desc(leadScoreEvents.createdAt), desc(leadScoreEvents.id))
    .limit(limit);
  return newest.reverse();
}

/** Counts per tag, the average score, and leads that changed in the last 7 days. */
export async function leadStats(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({
      tag: leads.tag,
      n: count(),
      avg: sql<string>`avg(${leads.score})`,
      recent: sql<string>`count(*) filter (where ${leads.updatedAt} > now() - interval '7 days')`,
    })
    .from(leads)
    .where(eq(leads.tenantId, tenantId))
    .groupBy(leads.tag);
  return rows.map((r) => ({
    tag: r.tag,
    count: Number(r.n),
    averageScore: Number(r.avg ?? 0),
    updatedLast7Days: Number(r.recent),
  }));
}

/** The inbox shows and filters by the contact's lead tag: kept on each of its conversations. */
export async function setConversationsLeadTag(tx: Tx, tenantId: string, contactId: string, tag: Tag) {
  await tx
    .update(conversations)
    .set({ leadTag: tag })
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        eq(conversations.contactId, contactId),
        sql`${conversations.leadTag} is distinct from ${tag}`,
      ),
    );
}

/** A contact's conversations, for the lead page. */
export async function listContactConversations(tx: Tx, tenantId: string, contactId: string) {
  return tx
    .select({
      id: conversations.id,
      status: conversations.status,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(50);
}
