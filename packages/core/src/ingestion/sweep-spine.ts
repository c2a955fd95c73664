import {
  listStalePendingEvents,
  listStaleUnsentMessages,
  listUndecidedInbound,
  withSystem,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

const BATCH = 500;

/**
 * Invariant 1's safety net: whatever durable state says is unfinished past the threshold — stored
 * events not yet normalised, customer messages without a decision, replies not yet sent — is
 * dispatched again. Job ids are derived from the row ids, so a job still queued or running is not
 * doubled, and every handler exits early when its work is already done.
 */
export async function sweepSpine(deps: CoreDeps): Promise<{ inbound: number; ai: number; outbound: number }> {
  const before = new Date(Date.now() - deps.config.sweepAfterSeconds * 1000);
  const { events, undecided, unsent } = await withSystem(deps.db, async (tx) => ({
    events: await listStalePendingEvents(tx, before, BATCH),
    undecided: await listUndecidedInbound(tx, before, BATCH),
    unsent: await listStaleUnsentMessages(tx, before, BATCH),
  }));
  for (const e of events)
    await deps.queue.dispatch(
      'inbound.process',
      { tenantId: e.tenantId, eventId: e.id },
      { jobId: `inbound-${e.id}` },
    );
  for (const m of undecided)
    await deps.queue.dispatch(
      'ai.process',
      { tenantId: m.tenantId, messageId: m.id },
      { jobId: `ai-${m.id}` },
    );
  for (const m of unsent)
    await deps.queue.dispatch(
      'outbound.send',
      { tenantId: m.tenantId, messageId: m.id },
      { jobId: `outbound-${m.id}` },
    );
  return { inbound: events.length, ai: undecided.length, outbound: unsent.length };
}
