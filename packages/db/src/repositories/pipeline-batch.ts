import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import {
  channels,
  contacts,
  conversations,
  inboundEvents,
  kbChunks,
  kbItems,
  leadScoreEvents,
  leads,
  messages,
} from '../schema/index.ts';
import type { ContactRow, ConversationRow, MessageRow } from './conversations.ts';
import { finishedEvent } from './inbound-events.ts';
import { KB_DOCUMENT } from './knowledge.ts';
import type { LeadRow, ScoreUpdate } from './leads.ts';
import { decisionContextQuery, sendContextQuery, toDecisionContext } from './pipeline-reads.ts';

/**
 * The pipeline's statements for many jobs at once. Under load the worker runs the jobs that are
 * waiting together, one statement per step for all of them: on this kind of path the round trips,
 * not the queries, are what the worker and PostgreSQL spend their time on. Rows are written in key
 * order, so two batches touching the same rows lock them in the same order and cannot deadlock.
 */

/**
 * Claims pending events for the inbound step: marks them done (skipped, for a disconnected
 * channel) and returns them with their channels, in one statement. The caller's transaction makes
 * the claim and the work one: should the work fail, the rollback leaves the events pending, and a
 * concurrent job for one of them waits on its row, then finds it no longer pending. Events already
 * claimed are left out.
 */
export async function claimInboundEvents(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(inboundEvents)
    .set({
      ...finishedEvent('done'),
      status: sql`case when ${channels.status} = 'disconnected' then 'skipped' else 'done' end`,
      lastError: sql`case when ${channels.status} = 'disconnected' then 'channel disconnected' end`,
    })
    .from(channels)
    .where(
      and(
        eq(inboundEvents.tenantId, tenantId),
        inArray(inboundEvents.id, [...ids].sort()),
        eq(inboundEvents.status, 'pending'),
        eq(channels.id, inboundEvents.channelId),
      ),
    )
    .returning({
      id: inboundEvents.id,
      payload: inboundEvents.payload,
      channelId: channels.id,
      channelStatus: channels.status,
      platform: channels.platform,
      channelName: channels.name,
    });
  return rows.map((row) => ({
    event: { id: row.id, payload: row.payload },
    channel: { id: row.channelId, status: row.channelStatus, platform: row.platform, name: row.channelName },
  }));
}

export type NewContact = {
  id: string;
  tenantId: string;
  channelId: string;
  platformUserId: string;
  displayName: string | null;
  username: string | null;
  phone: string | null;
};

/** upsertContact for many identities (each at most once). */
export async function upsertContacts(tx: Tx, rows: NewContact[]): Promise<ContactRow[]> {
  if (rows.length === 0) return [];
  const sorted = [...rows].sort((a, b) => keyOrder(contactKey(a), contactKey(b)));
  return tx
    .insert(contacts)
    .values(sorted)
    .onConflictDoUpdate({
      target: [contacts.channelId, contacts.platformUserId],
      set: {
        displayName: sql`coalesce(excluded.display_name, ${contacts.displayName})`,
        username: sql`coalesce(excluded.username, ${contacts.username})`,
        phone: sql`coalesce(excluded.phone, ${contacts.phone})`,
        lastSeenAt: sql`now()`,
      },
    })
    .returning();
}

export function contactKey(c: { channelId: string; platformUserId: string }): string {
  return `${c.channelId}|${c.platformUserId}`;
}

export type InboundThread = {
  id: string;
  tenantId: string;
  channelId: string;
  contactId: string;
  threadKey: string;
  kind: ConversationRow['kind'];
  post: Record<string, string> | null;
  /** The newest of this batch's messages in the thread. */
  at: Date;
  preview: string;
  /** How many of this batch's messages it gets (each counts as unread). */
  count: number;
};

/**
 * The threads customer messages belong to, created or moved up by them in one statement: a message
 * opens the window, counts as unread and reopens a closed or snoozed thread. Each thread at most once.
 */
export async function upsertConversationsOnInbound(
  tx: Tx,
  rows: InboundThread[],
): Promise<ConversationRow[]> {
  if (rows.length === 0) return [];
  const sorted = [...rows].sort((a, b) => keyOrder(threadKey(a), threadKey(b)));
  return tx
    .insert(conversations)
    .values(
      sorted.map((r) => ({
        id: r.id,
        tenantId: r.tenantId,
        channelId: r.channelId,
        contactId: r.contactId,
        threadKey: r.threadKey,
        kind: r.kind,
        post: r.post,
        lastMessageAt: r.at,
        lastInboundAt: r.at,
        lastMessagePreview: r.preview.slice(0, 200),
        unreadCount: r.count,
      })),
    )
    .onConflictDoUpdate({
      target: [conversations.channelId, conversations.contactId, conversations.threadKey],
      set: {
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, excluded.last_message_at)`,
        lastInboundAt: sql`greatest(coalesce(${conversations.lastInboundAt}, excluded.last_inbound_at), excluded.last_inbound_at)`,
        // The preview follows the newest message, which an older batch row must not overwrite.
        lastMessagePreview: sql`case when excluded.last_message_at >= ${conversations.lastMessageAt} then excluded.last_message_preview else ${conversations.lastMessagePreview} end`,
        unreadCount: sql`${conversations.unreadCount} + excluded.unread_count`,
        status: sql`case when ${conversations.status} in ('closed', 'snoozed') then 'open' else ${conversations.status} end`,
        snoozedUntil: sql`case when ${conversations.status} = 'snoozed' then null else ${conversations.snoozedUntil} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
}

export function threadKey(c: { channelId: string; contactId: string; threadKey: string }): string {
  return `${c.channelId}|${c.contactId}|${c.threadKey}`;
}

/** insertMessage for many rows; returns those inserted (a duplicate event or key inserts nothing). */
export async function insertMessages(
  tx: Tx,
  rows: (typeof messages.$inferInsert & { id: string })[],
): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(messages).values(rows).onConflictDoNothing().returning();
}

/** lockDecisionContext for many customer messages (their messages and conversations locked, in id order). */
export async function lockDecisionContexts(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await decisionContextQuery(tx)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, [...ids].sort())))
    .orderBy(messages.id)
    .for('update', { of: [messages, conversations] });
  return rows.map(toDecisionContext);
}

/** Outbound messages (locked, in id order) with their conversation, channel and contact (the outbound step). */
export async function lockSendContexts(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return sendContextQuery(tx)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, [...ids].sort())))
    .orderBy(messages.id)
    .for('update', { of: messages });
}

/** The AI step's analyses on customer messages, in one statement. */
export async function setMessageAnalyses(
  tx: Tx,
  tenantId: string,
  rows: { id: string; analysis: unknown }[],
): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    [...rows]
      .sort((a, b) => keyOrder(a.id, b.id))
      .map((r) => sql`(${r.id}::uuid, ${JSON.stringify(r.analysis)}::jsonb)`),
    sql`, `,
  );
  return tx
    .update(messages)
    .set({ aiAnalysis: sql`v.analysis` })
    .from(sql`(values ${values}) as v(id, analysis)`)
    .where(and(eq(messages.tenantId, tenantId), sql`${messages.id} = v.id`))
    .returning();
}

/** Marks many messages `sending` for a new attempt, in one statement. */
export async function markMessagesSending(tx: Tx, tenantId: string, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(messages)
    .set({ status: 'sending', attempts: sql`${messages.attempts} + 1`, lastAttemptAt: at })
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, [...ids].sort())));
}

/** markMessageSent for many messages, in one statement. */
export async function markMessagesSent(
  tx: Tx,
  tenantId: string,
  rows: { id: string; platformMessageId: string; at: Date }[],
): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    [...rows]
      .sort((a, b) => keyOrder(a.id, b.id))
      .map((r) => sql`(${r.id}::uuid, ${r.platformMessageId}::text, ${r.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  return tx
    .update(messages)
    .set({
      status: sql`case when ${messages.status} in ('delivered', 'read') then ${messages.status} else 'sent' end`,
      platformMessageId: sql`v.platform_message_id`,
      sentAt: sql`coalesce(${messages.sentAt}, v.at)`,
      errorKind: null,
      errorMessage: null,
    })
    .from(sql`(values ${values}) as v(id, platform_message_id, at)`)
    .where(and(eq(messages.tenantId, tenantId), sql`${messages.id} = v.id`))
    .returning();
}

/** touchConversationOutbound for many conversations (each at most once), in one statement. */
export async function touchConversationsOutbound(
  tx: Tx,
  tenantId: string,
  rows: { id: string; at: Date; preview: string }[],
): Promise<ConversationRow[]> {
  if (rows.length === 0) return [];
  const values = sql.join(
    [...rows]
      .sort((a, b) => keyOrder(a.id, b.id))
      .map((r) => sql`(${r.id}::uuid, ${r.at.toISOString()}::timestamptz, ${r.preview.slice(0, 200)}::text)`),
    sql`, `,
  );
  return tx
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, v.at)`,
      lastMessagePreview: sql`v.preview`,
      updatedAt: new Date(),
    })
    .from(sql`(values ${values}) as v(id, at, preview)`)
    .where(and(eq(conversations.tenantId, tenantId), sql`${conversations.id} = v.id`))
    .returning();
}

function keyOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * recordLeadScore for many contacts (each at most once): one upsert for the leads, one insert for
 * the score changes. A change is measured against the lead as the AI step read it.
 */
export async function recordLeadScores(
  tx: Tx,
  tenantId: string,
  items: { before: { score: number; tag: LeadRow['tag'] } | undefined; update: ScoreUpdate }[],
): Promise<{ lead: LeadRow; changed: boolean }[]> {
  if (items.length === 0) return [];
  const now = new Date();
  const sorted = [...items].sort((a, b) => keyOrder(a.update.contactId, b.update.contactId));
  const rows = await tx
    .insert(leads)
    .values(
      sorted.map(({ update: u }) => ({
        id: crypto.randomUUID(),
        tenantId,
        contactId: u.contactId,
        messageCount: 1,
        score: u.score,
        tag: u.tag,
        intent: u.intent,
        signals: u.signals,
        recommendedAction: u.recommendedAction,
        lastMessageId: u.messageId,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: leads.contactId,
      set: {
        score: sql`excluded.score`,
        tag: sql`excluded.tag`,
        intent: sql`excluded.intent`,
        signals: sql`excluded.signals`,
        recommendedAction: sql`excluded.recommended_action`,
        lastMessageId: sql`excluded.last_message_id`,
        updatedAt: sql`excluded.updated_at`,
        messageCount: sql`${leads.messageCount} + 1`,
      },
    })
    .returning();
  const byContact = new Map(rows.map((l) => [l.contactId, l]));
  const out = items.map(({ before, update: u }) => {
    const lead = byContact.get(u.contactId);
    if (!lead) throw new Error('lead not written');
    return { lead, changed: !before || before.score !== u.score || before.tag !== u.tag };
  });
  const changes = out.flatMap((o, i) => {
    const { before, update: u } = items[i] as (typeof items)[number];
    if (!o.changed) return [];
    return [
      {
        id: crypto.randomUUID(),
        tenantId,
        leadId: o.lead.id,
        messageId: u.messageId,
        actorUserId: null,
        reason: 'message' as const,
        score: u.score,
        tag: u.tag,
        previousScore: before?.score ?? null,
        previousTag: before?.tag ?? null,
        signals: u.signals,
        createdAt: now,
      },
    ];
  });
  if (changes.length > 0) await tx.insert(leadScoreEvents).values(changes);
  return out;
}

export type KbHitRow = { itemId: string; kind: 'faq' | 'document'; question: string | null; text: string };

/**
 * searchKbChunks for many queries in one statement (a decision round's messages): each query's
 * best `limit` chunks, ranked as the single search ranks them. Answers in query order.
 */
export async function searchKbChunksMany(
  tx: Tx,
  tenantId: string,
  tsQueries: string[],
  limit: number,
): Promise<KbHitRow[][]> {
  const asked = tsQueries.flatMap((q, i) => (q ? [sql`(${i}::int, to_tsquery('simple', ${q}))`] : []));
  if (asked.length === 0) return tsQueries.map(() => []);
  const rows = await queryRows<{
    i: number;
    item_id: string;
    kind: KbHitRow['kind'];
    question: string | null;
    text: string;
  }>(
    { orm: tx },
    sql`select q.i, hit.item_id, hit.kind, hit.question, hit.text
      from (values ${sql.join(asked, sql`, `)}) as q(i, query)
      cross join lateral (
        select ${kbChunks.itemId} as item_id, ${kbItems.kind} as kind, ${kbChunks.question} as question,
          ${kbChunks.text} as text, ${kbChunks.id} as id, ts_rank_cd(${KB_DOCUMENT}, q.query) as rank
        from ${kbChunks} join ${kbItems} on ${kbItems.id} = ${kbChunks.itemId}
        where ${kbChunks.tenantId} = ${tenantId} and ${KB_DOCUMENT} @@ q.query
        order by rank desc, ${kbChunks.id} asc
        limit ${limit}
      ) hit
      order by q.i, hit.rank desc, hit.id asc`,
  );
  const out: KbHitRow[][] = tsQueries.map(() => []);
  for (const r of rows)
    out[Number(r.i)]?.push({ itemId: r.item_id, kind: r.kind, question: r.question, text: r.text });
  return out;
}
