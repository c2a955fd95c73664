import { and, eq, lt, sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import type { Database, Tx } from '../client.ts';
import { inboundEvents } from '../schema/index.ts';

export type InboundEventRow = typeof inboundEvents.$inferSelect;
export type NewInboundEvent = {
  id: string;
  tenantId: string;
  channelId: string;
  platformEventId: string;
  kind: InboundEventRow['kind'];
  payload: unknown;
};

/**
 * Stores a delivery's events in one statement; a redelivered event hits the unique key and is
 * skipped. Returns the ids actually inserted (the new events to dispatch).
 */
export async function insertInboundEvents(
  tx: Tx | Database['orm'],
  rows: NewInboundEvent[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(inboundEvents)
    .values(rows)
    .onConflictDoNothing({ target: [inboundEvents.channelId, inboundEvents.platformEventId] })
    .returning({ id: inboundEvents.id });
  return inserted.map((r) => r.id);
}

export async function findInboundEventForUpdate(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(inboundEvents)
    .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
    .for('update');
  return row;
}

/** The columns of a finished event: its outcome, when, one more attempt, and the error if any. */
export function finishedEvent(status: 'done' | 'skipped' | 'failed', error?: string) {
  return {
    status,
    processedAt: new Date(),
    attempts: sql`${inboundEvents.attempts} + 1`,
    lastError: error?.slice(0, 1000) ?? null,
  };
}

export async function finishInboundEvent(
  tx: Tx,
  tenantId: string,
  id: string,
  status: 'done' | 'skipped' | 'failed',
  error?: string,
): Promise<void> {
  await tx
    .update(inboundEvents)
    .set(finishedEvent(status, error))
    .where(and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id)))
    .prepare('rf_finish_inbound_event')
    .execute();
}

/**
 * Whether a platform echo of our message `messageId` is stored but not yet processed: the proof
 * that an unconfirmed send went through may be waiting in the inbound queue (after a crash both
 * jobs come back at once). Pending events are few; the partial index keeps this cheap.
 */
export async function hasPendingEchoOf(
  tx: Tx,
  tenantId: string,
  channelId: string,
  message: { id: string; text: string },
) {
  const [row] = await tx
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.tenantId, tenantId),
        eq(inboundEvents.channelId, channelId),
        eq(inboundEvents.status, 'pending'),
        sql`${inboundEvents.payload}->>'kind' = 'echo'`,
        // Ours by id, or (X, whose echoes carry no metadata) an echo of the same text.
        sql`(${inboundEvents.payload}->>'metadata' = ${message.id} or (${inboundEvents.payload}->>'metadata' is null and ${inboundEvents.payload}->>'text' = ${message.text}))`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Events still pending after `olderThan`, across tenants (system context, for the sweeper). */
export async function listStalePendingEvents(tx: Tx, olderThan: Date, limit: number) {
  return tx
    .select({ id: inboundEvents.id, tenantId: inboundEvents.tenantId })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.status, 'pending'), lt(inboundEvents.receivedAt, olderThan)))
    .orderBy(inboundEvents.receivedAt)
    .limit(limit);
}

/**
 * A batch of events as one fixed statement: its text never changes with the batch size, so each
 * connection parses and plans it once (a drizzle multi-row VALUES is new text for every size).
 */
const STORE_EVENTS = `insert into inbound_events (id, tenant_id, channel_id, platform_event_id, kind, payload)
  select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[])
  on conflict (channel_id, platform_event_id) do nothing
  returning id`;

/**
 * The webhook receiver's write: one autocommitted statement in the connecting role's context (the
 * receiver acts for the platform, before any tenant is known; each row carries its tenant id).
 * No BEGIN/COMMIT round trips: this is the one query between a delivery and its 200.
 */
export async function storeInboundEvents(db: Database, rows: NewInboundEvent[]): Promise<string[]> {
  if (rows.length === 0) return [];
  if (db.kind !== 'postgres') return insertInboundEvents(db.orm, rows);
  const pool = (db.orm as unknown as { $client: Pool }).$client;
  const result = await pool.query<{ id: string }>({
    name: 'rf_store_inbound_events',
    text: STORE_EVENTS,
    values: [
      rows.map((r) => r.id),
      rows.map((r) => r.tenantId),
      rows.map((r) => r.channelId),
      rows.map((r) => r.platformEventId),
      rows.map((r) => r.kind),
      rows.map((r) => JSON.stringify(r.payload)),
    ],
  });
  return result.rows.map((r) => r.id);
}
