import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { channels, contacts, conversations, messages } from '../schema/index.ts';
import { type Keyset, olderThan } from './keyset.ts';
import { setMessageAnalyses, upsertContacts } from './pipeline-batch.ts';

/** An ILIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type ContactRow = typeof contacts.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** One contact per channel identity; a later event may fill in a name the first one lacked. */
export async function upsertContact(
  tx: Tx,
  row: {
    id: string;
    tenantId: string;
    channelId: string;
    platformUserId: string;
    displayName?: string | undefined;
    username?: string | undefined;
    phone?: string | undefined;
  },
): Promise<ContactRow> {
  const [contact] = await upsertContacts(tx, [
    {
      ...row,
      displayName: row.displayName ?? null,
      username: row.username ?? null,
      phone: row.phone ?? null,
    },
  ]);
  if (!contact) throw new Error('contact upsert returned nothing');
  return contact;
}

export async function upsertConversation(
  tx: Tx,
  row: {
    id: string;
    tenantId: string;
    channelId: string;
    contactId: string;
    threadKey: string;
    kind: ConversationRow['kind'];
    post?: Record<string, string> | null;
  },
): Promise<ConversationRow> {
  const [conversation] = await tx
    .insert(conversations)
    .values(row)
    .onConflictDoUpdate({
      target: [conversations.channelId, conversations.contactId, conversations.threadKey],
      set: { updatedAt: sql`now()` },
    })
    .returning();
  if (!conversation) throw new Error('conversation upsert returned nothing');
  return conversation;
}

/** Inserts unless the same inbound event or idempotency key already produced a message. */
export async function insertMessage(
  tx: Tx,
  row: typeof messages.$inferInsert & { id: string },
): Promise<MessageRow | undefined> {
  const [message] = await tx.insert(messages).values(row).onConflictDoNothing().returning();
  return message;
}

export async function touchConversationOutbound(
  tx: Tx,
  tenantId: string,
  id: string,
  at: Date,
  preview: string,
): Promise<ConversationRow | undefined> {
  const [row] = await tx
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at})`,
      lastMessagePreview: preview.slice(0, 200),
      updatedAt: new Date(),
    })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)))
    .returning()
    .prepare('rf_touch_conversation_outbound')
    .execute();
  return row;
}

export async function updateConversation(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<typeof conversations.$inferInsert>,
): Promise<ConversationRow | undefined> {
  const [row] = await tx
    .update(conversations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)))
    .returning();
  return row;
}

export async function findConversation(tx: Tx, tenantId: string, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export type ConversationFilter = {
  status?: ConversationRow['status'] | undefined;
  channelId?: string | undefined;
  platform?: string | undefined;
  assigneeId?: string | null | undefined;
  leadTag?: ConversationRow['leadTag'] | undefined;
  contactId?: string | undefined;
  q?: string | undefined;
};

const listColumns = {
  conversation: conversations,
  contactName: contacts.displayName,
  contactUsername: contacts.username,
  contactPlatformUserId: contacts.platformUserId,
  platform: channels.platform,
  channelName: channels.name,
};
export type ConversationListRow = {
  conversation: ConversationRow;
  contactName: string | null;
  contactUsername: string | null;
  contactPlatformUserId: string;
  platform: string;
  channelName: string;
};

/** Newest activity first, keyset over (last_message_at, id). */
export async function listConversations(
  tx: Tx,
  tenantId: string,
  filter: ConversationFilter,
  page: { limit: number; after?: Keyset | undefined },
): Promise<ConversationListRow[]> {
  const where: (SQL | undefined)[] = [eq(conversations.tenantId, tenantId)];
  if (filter.status) where.push(eq(conversations.status, filter.status));
  if (filter.channelId) where.push(eq(conversations.channelId, filter.channelId));
  if (filter.platform) where.push(sql`${channels.platform} = ${filter.platform}`);
  if (filter.assigneeId === null) where.push(sql`${conversations.assigneeId} is null`);
  else if (filter.assigneeId) where.push(eq(conversations.assigneeId, filter.assigneeId));
  if (filter.leadTag) where.push(eq(conversations.leadTag, filter.leadTag));
  if (filter.contactId) where.push(eq(conversations.contactId, filter.contactId));
  if (filter.q) {
    const like = containsPattern(filter.q);
    where.push(
      or(
        sql`${contacts.displayName} ilike ${like}`,
        sql`${contacts.username} ilike ${like}`,
        sql`exists (select 1 from messages m where m.conversation_id = ${conversations.id}
              and to_tsvector('simple', m.text) @@ plainto_tsquery('simple', ${filter.q}))`,
      ),
    );
  }
  where.push(olderThan(conversations.lastMessageAt, conversations.id, page.after));
  return tx
    .select(listColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(...where))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(page.limit);
}

export async function findConversationView(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<ConversationListRow | undefined> {
  const [row] = await tx
    .select(listColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, id)))
    .prepare('rf_conversation_view')
    .execute();
  return row;
}

/** A page of a thread, newest first (the caller reverses for display). */
export async function listMessages(
  tx: Tx,
  tenantId: string,
  conversationId: string,
  page: { limit: number; after?: Keyset | undefined },
): Promise<MessageRow[]> {
  return tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        olderThan(messages.createdAt, messages.id, page.after),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit);
}

export async function findMessage(tx: Tx, tenantId: string, id: string, forUpdate = false) {
  const q = tx
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)));
  const [row] = forUpdate
    ? await q.for('update').prepare('rf_find_message_locked').execute()
    : await q.prepare('rf_find_message').execute();
  return row;
}

export async function findMessageByIdempotencyKey(tx: Tx, tenantId: string, key: string) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.idempotencyKey, key)));
  return row;
}

export async function updateMessage(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<typeof messages.$inferInsert>,
): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set(patch)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)))
    .returning();
  return row;
}

/** The AI step's analysis on a customer message. */
export async function setMessageAnalysis(tx: Tx, tenantId: string, id: string, analysis: unknown) {
  const [row] = await setMessageAnalyses(tx, tenantId, [{ id, analysis }]);
  return row;
}

/**
 * The platform accepted the send: `sent` with its platform id, unless an echo or a receipt got
 * here first (a status never moves backwards). One statement, no read before it.
 */
export async function markMessageSent(
  tx: Tx,
  tenantId: string,
  id: string,
  platformMessageId: string,
  at: Date,
): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set({
      status: sql`case when ${messages.status} in ('delivered', 'read') then ${messages.status} else 'sent' end`,
      platformMessageId,
      sentAt: sql`coalesce(${messages.sentAt}, ${at})`,
      errorKind: null,
      errorMessage: null,
    })
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, id)))
    .returning()
    .prepare('rf_mark_message_sent')
    .execute();
  return row;
}

const STATUS_RANK = { sent: 1, delivered: 2, read: 3 } as const;

/**
 * Applies a delivery or read receipt. Statuses only move forward (sent < delivered < read), since
 * platforms deliver them out of order; `failed` replaces anything short of delivered.
 */
export async function applyMessageStatus(
  tx: Tx,
  tenantId: string,
  channelId: string,
  match: { platformMessageIds: string[] } | { contactId: string; upTo: Date },
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: Date,
  error?: string,
): Promise<MessageRow[]> {
  const target =
    'platformMessageIds' in match
      ? inArray(
          messages.platformMessageId,
          match.platformMessageIds.length ? match.platformMessageIds : ['-'],
        )
      : and(
          sql`${messages.conversationId} in (select id from conversations where contact_id = ${match.contactId})`,
          // The watermark is the platform's clock at its send; our sent_at is taken after its answer
          // and would miss the newest message. The row exists before the send, so created_at works.
          sql`${messages.createdAt} <= ${match.upTo}`,
        );
  const allowedFrom =
    status === 'failed'
      ? sql`${messages.status} in ('pending', 'sending', 'sent')`
      : sql`${messages.status} in ('sent', 'delivered', 'read') and (case ${messages.status} when 'sent' then 1 when 'delivered' then 2 else 3 end) < ${STATUS_RANK[status]}`;
  return tx
    .update(messages)
    .set({
      status,
      ...(status === 'delivered' ? { deliveredAt: at } : {}),
      ...(status === 'read'
        ? { readAt: at, deliveredAt: sql`coalesce(${messages.deliveredAt}, ${at})` }
        : {}),
      ...(status === 'failed' ? { errorKind: 'permanent', errorMessage: error ?? 'failed' } : {}),
    })
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.channelId, channelId),
        eq(messages.direction, 'outbound'),
        target,
        allowedFrom,
      ),
    )
    .returning();
}

/** Outbound messages still pending or sending after `olderThan`, across tenants (sweeper). */
export async function listStaleUnsentMessages(tx: Tx, olderThan: Date, limit: number) {
  // A `sending` row ages from its last attempt, not its creation: a send still in flight (or
  // waiting for its echo) must not get a second job racing it.
  return tx
    .select({ id: messages.id, tenantId: messages.tenantId })
    .from(messages)
    .where(
      and(
        inArray(messages.status, ['pending', 'sending']),
        lt(messages.createdAt, olderThan),
        sql`coalesce(${messages.lastAttemptAt}, ${messages.createdAt}) < ${olderThan.toISOString()}`,
      ),
    )
    .orderBy(messages.createdAt)
    .limit(limit);
}

/** Inbound messages the AI step has not decided on yet (no ai_analysis), across tenants (sweeper). */
export async function listUndecidedInbound(tx: Tx, olderThan: Date, limit: number) {
  return tx
    .select({ id: messages.id, tenantId: messages.tenantId })
    .from(messages)
    .where(
      and(
        eq(messages.direction, 'inbound'),
        sql`${messages.aiAnalysis} is null`,
        lt(messages.createdAt, olderThan),
        sql`${messages.createdAt} > now() - interval '2 days'`,
      ),
    )
    .orderBy(messages.createdAt)
    .limit(limit);
}

export async function findContact(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)));
  return row;
}

export async function listContacts(
  tx: Tx,
  tenantId: string,
  filter: { q?: string | undefined; channelId?: string | undefined },
  page: { limit: number; after?: Keyset | undefined },
) {
  const like = filter.q ? containsPattern(filter.q) : undefined;
  return tx
    .select({ contact: contacts, platform: channels.platform, channelName: channels.name })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        filter.channelId ? eq(contacts.channelId, filter.channelId) : undefined,
        like
          ? or(
              sql`${contacts.displayName} ilike ${like}`,
              sql`${contacts.username} ilike ${like}`,
              sql`${contacts.phone} ilike ${like}`,
            )
          : undefined,
        olderThan(contacts.lastSeenAt, contacts.id, page.after),
      ),
    )
    .orderBy(desc(contacts.lastSeenAt), desc(contacts.id))
    .limit(page.limit);
}

export async function findContactByIdentity(
  tx: Tx,
  tenantId: string,
  channelId: string,
  platformUserId: string,
) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        eq(contacts.channelId, channelId),
        eq(contacts.platformUserId, platformUserId),
      ),
    );
  return row;
}

export async function findMessageByPlatformId(
  tx: Tx,
  tenantId: string,
  channelId: string,
  platformId: string,
) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.channelId, channelId),
        eq(messages.platformMessageId, platformId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Our own send, still unconfirmed, that an echo without our id may be: X echoes carry no metadata,
 * and the platform may deliver the echo before the send call has returned its id to us.
 */
export async function findUnsettledSendByText(
  tx: Tx,
  tenantId: string,
  conversationId: string,
  text: string,
) {
  const [row] = await tx
    .select({ id: messages.id, status: messages.status })
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'outbound'),
        inArray(messages.status, ['pending', 'sending', 'failed']),
        sql`${messages.platformMessageId} is null`,
        eq(messages.text, text),
      ),
    )
    .orderBy(messages.createdAt)
    .limit(1)
    .for('update');
  return row;
}

/** The newest customer message of a thread: the comment an agent's reply answers. */
export async function findLatestInbound(tx: Tx, tenantId: string, conversationId: string) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'inbound'),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row;
}

/** Fills in a contact's name and username where they are still unknown (never overwrites). */
export async function fillContactProfile(
  tx: Tx,
  tenantId: string,
  id: string,
  profile: { name?: string | undefined; username?: string | undefined },
): Promise<void> {
  await tx
    .update(contacts)
    .set({
      displayName: sql`coalesce(${contacts.displayName}, ${profile.name ?? null})`,
      username: sql`coalesce(${contacts.username}, ${profile.username ?? null})`,
    })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)));
}
