import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { channels, inboundEvents, messages } from '../schema/index.ts';
import { finishedEvent } from './inbound-events.ts';

/**
 * A batch's events still pending, locked, with their channel's status. Events another job holds
 * (a sweeper's re-dispatch) are skipped rather than waited for: that job finishes them.
 */
export async function lockPendingEvents(tx: Tx, tenantId: string, ids: string[]) {
  return tx
    .select({
      id: inboundEvents.id,
      channelId: inboundEvents.channelId,
      payload: inboundEvents.payload,
      channelStatus: channels.status,
    })
    .from(inboundEvents)
    .innerJoin(channels, eq(channels.id, inboundEvents.channelId))
    .where(
      and(
        eq(inboundEvents.tenantId, tenantId),
        inArray(inboundEvents.id, ids),
        eq(inboundEvents.status, 'pending'),
      ),
    )
    .for('update', { of: inboundEvents, skipLocked: true });
}

/** The current status of some messages, by id (those that exist). */
export async function findMessageStatuses(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: messages.id, status: messages.status })
    .from(messages)
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.id, ids)));
}

/** Marks many events finished in one statement. */
export async function finishInboundEventsMany(
  tx: Tx,
  tenantId: string,
  ids: string[],
  status: 'done' | 'skipped',
  error?: string,
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(inboundEvents)
    .set(finishedEvent(status, error))
    .where(and(eq(inboundEvents.tenantId, tenantId), inArray(inboundEvents.id, ids)));
}
