import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channels } from './channels.ts';
import { tenants } from './tenants.ts';

/**
 * Every platform event we acknowledged, stored before the 2xx (invariant 1). Unique on channel +
 * platform event id, so a redelivery is stored once. Processing state lives here too: the sweeper
 * re-dispatches rows still `pending` past a threshold.
 */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    platformEventId: text('platform_event_id').notNull(),
    kind: text('kind', { enum: ['message', 'comment', 'status', 'echo'] }).notNull(),
    /** The normalised InboundEvent (packages/connectors). */
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'done', 'skipped', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_events_dedup_uq').on(t.channelId, t.platformEventId),
    index('inbound_events_pending_idx').on(t.receivedAt).where(sql`status = 'pending'`),
  ],
);
