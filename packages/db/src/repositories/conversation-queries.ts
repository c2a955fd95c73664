import { and, count, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { deadLetters, inboundEvents, mailOutbox, messages } from '../schema/index.ts';

/** Dead letters per queue for one tenant (the ops page adds them to the live queue counts). */
export async function countDeadLettersByQueue(tx: Tx, tenantId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ queue: deadLetters.queue, n: count() })
    .from(deadLetters)
    .where(eq(deadLetters.tenantId, tenantId))
    .groupBy(deadLetters.queue);
  return Object.fromEntries(rows.map((r) => [r.queue, Number(r.n)]));
}

/**
 * Before a dead `outbound.send` is retried: a message that failed goes back to pending, so the
 * handler (which skips anything not pending) sends it again. Returns whether a row changed.
 */
export async function resetFailedOutboundMessage(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(messages)
    .set({ status: 'pending', errorKind: null, errorMessage: null })
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.id, id),
        eq(messages.direction, 'outbound'),
        eq(messages.status, 'failed'),
      ),
    )
    .returning({ id: messages.id });
  return rows.length > 0;
}

/** Before a dead `inbound.process` is retried: a failed event is pending again (the sweeper's state). */
export async function resetInboundEvent(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(inboundEvents)
    .set({ status: 'pending', processedAt: null })
    .where(
      and(eq(inboundEvents.tenantId, tenantId), eq(inboundEvents.id, id), eq(inboundEvents.status, 'failed')),
    )
    .returning({ id: inboundEvents.id });
  return rows.length > 0;
}

/** Before a dead `mail.deliver` is retried: a failed mail is queued again. */
export async function requeueFailedMail(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(mailOutbox)
    .set({ status: 'queued' })
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}
