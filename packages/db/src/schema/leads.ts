import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts, messages } from './conversations.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const LEAD_TAGS = ['HOT', 'WARM', 'COLD'] as const;

/** One lead per contact: its latest score and tag, and a tag a person set by hand. */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    tag: text('tag', { enum: LEAD_TAGS }).notNull(),
    /** Set by PATCH /leads/:id/tag; scoring keeps it until a person clears it. */
    manualTag: text('manual_tag', { enum: LEAD_TAGS }),
    intent: text('intent'),
    signals: jsonb('signals').$type<string[]>().notNull().default([]),
    recommendedAction: text('recommended_action'),
    lastMessageId: uuid('last_message_id'),
    messageCount: integer('message_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leads_contact_uq').on(t.contactId),
    index('leads_tenant_updated_idx').on(t.tenantId, t.updatedAt.desc(), t.id.desc()),
    index('leads_tenant_tag_idx').on(t.tenantId, t.tag),
  ],
);

/** Every change of a lead's score or tag, with the message (or person) that caused it. */
export const leadScoreEvents = pgTable(
  'lead_score_events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: ['message', 'manual'] }).notNull(),
    score: integer('score').notNull(),
    tag: text('tag', { enum: LEAD_TAGS }).notNull(),
    previousScore: integer('previous_score'),
    previousTag: text('previous_tag', { enum: LEAD_TAGS }),
    signals: jsonb('signals').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('lead_score_events_lead_idx').on(t.leadId, t.createdAt)],
);

/** Knowledge base: documents and FAQ pairs a tenant writes; replies quote them. */
export const kbItems = pgTable(
  'kb_items',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['faq', 'document'] }).notNull(),
    title: text('title').notNull(),
    /** The FAQ's question (null for documents). */
    question: text('question'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('kb_items_tenant_idx').on(t.tenantId, t.updatedAt.desc())],
);

/** The searchable pieces of an item: a FAQ is one chunk, a document several. */
export const kbChunks = pgTable(
  'kb_chunks',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => kbItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    question: text('question'),
    text: text('text').notNull(),
  },
  (t) => [
    index('kb_chunks_item_idx').on(t.itemId, t.position),
    index('kb_chunks_search_idx').using(
      'gin',
      sql`to_tsvector('simple', coalesce(${t.question}, '') || ' ' || ${t.text})`,
    ),
  ],
);

/** Reply templates per intent, with {{variables}}. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    intent: text('intent').notNull(),
    language: text('language'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('reply_templates_tenant_idx').on(t.tenantId, t.intent)],
);

/** Language-model use per tenant per day: the budgets' meter. */
export const aiUsage = pgTable(
  'ai_usage',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    calls: integer('calls').notNull().default(0),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    /** Micro-dollars, so sums stay exact. */
    costMicros: integer('cost_micros').notNull().default(0),
  },
  (t) => [uniqueIndex('ai_usage_tenant_day_uq').on(t.tenantId, t.day)],
);
