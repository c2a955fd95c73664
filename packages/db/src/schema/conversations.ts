import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

/** One person on one channel. Two identities are merged only by an explicit action (merged_into_id). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name'),
    username: text('username'),
    phone: text('phone'),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_identity_uq').on(t.channelId, t.platformUserId),
    index('contacts_tenant_seen_idx').on(t.tenantId, t.lastSeenAt.desc(), t.id.desc()),
  ],
);

export const CONVERSATION_STATUSES = [
  'open',
  'pending_approval',
  'needs_human',
  'snoozed',
  'closed',
] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * A thread with one contact on one channel: the DM thread (thread_key 'dm'), or the comments the
 * contact left under one post (thread_key 'post:<id>', with the post's context).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    threadKey: text('thread_key').notNull(),
    kind: text('kind', { enum: ['dm', 'comments'] }).notNull(),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Post context of a comment thread: { postId, permalink, mediaType }. */
    post: jsonb('post').$type<Record<string, string>>(),
    leadTag: text('lead_tag', { enum: ['HOT', 'WARM', 'COLD'] }),
    unreadCount: integer('unread_count').notNull().default(0),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview'),
    /** The customer's last message: opens the platforms' 24-hour window. */
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_thread_uq').on(t.channelId, t.contactId, t.threadKey),
    index('conversations_tenant_recent_idx').on(t.tenantId, t.lastMessageAt.desc(), t.id.desc()),
    index('conversations_tenant_status_idx').on(t.tenantId, t.status, t.lastMessageAt.desc()),
    index('conversations_snoozed_idx').on(t.snoozedUntil).where(sql`status = 'snoozed'`),
  ],
);

export const MESSAGE_STATUSES = [
  'received',
  'pending',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'blocked',
  /** An AI reply waiting for a person's approval (the approval queue); never sent as is. */
  'draft',
  /** A draft a person rejected. */
  'rejected',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Every message in and out. An outbound row is written before it is sent (status pending) and is
 * itself the durable send request; `idempotency_key` makes "one reply per inbound message" a
 * constraint rather than a hope.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    sender: text('sender', { enum: ['customer', 'ai', 'agent', 'system'] }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['text', 'comment', 'comment_reply', 'private_reply', 'template'] })
      .notNull()
      .default('text'),
    text: text('text').notNull(),
    attachments: jsonb('attachments').$type<Record<string, string>[]>().notNull().default([]),
    /** Comment ids, post id, message tag, template name and parameters. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    platformMessageId: text('platform_message_id'),
    inboundEventId: uuid('inbound_event_id'),
    replyToMessageId: uuid('reply_to_message_id'),
    idempotencyKey: text('idempotency_key'),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the last send attempt began: an unconfirmed send waits for its echo before a retry. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    aiAnalysis: jsonb('ai_analysis'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.createdAt, t.id),
    // Partial: most rows have no key, and an index full of (tenant, null) invited the planner to
    // scan a tenant's whole history through it for unrelated queries.
    uniqueIndex('messages_inbound_event_uq').on(t.inboundEventId).where(sql`inbound_event_id is not null`),
    uniqueIndex('messages_idempotency_uq')
      .on(t.tenantId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index('messages_platform_id_idx').on(t.channelId, t.platformMessageId),
    index('messages_unsent_idx').on(t.createdAt).where(sql`status in ('pending', 'sending')`),
    // The sweeper's "customer messages still without a decision".
    index('messages_undecided_idx').on(t.createdAt).where(sql`direction = 'inbound' and ai_analysis is null`),
    index('messages_text_search_idx').using('gin', sql`to_tsvector('simple', ${t.text})`),
  ],
);

/** Jobs that failed for good, per queue, for admins to inspect, retry or purge. */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    queue: text('queue').notNull(),
    jobName: text('job_name').notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    retriedAt: timestamp('retried_at', { withTimezone: true }),
  },
  (t) => [index('dead_letters_tenant_idx').on(t.tenantId, t.queue, t.failedAt.desc(), t.id.desc())],
);
