import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectorError } from '@replyforce/connectors';
import type { CrmConnector } from '@replyforce/connectors/crm/types.ts';
import type { Acquired } from '@replyforce/queue';
import type { CoreDeps } from '../deps.ts';

/**
 * The vendor counts a call when it arrives, we when we send it: a slot frees up this much later
 * here than there, so the first call of a new window never lands in the vendor's old one (a 429).
 */
const SKEW_MS = 500;

type Budgeted = { connectionId: string; connector: Pick<CrmConnector, 'rateLimit'> };

/**
 * Takes one slot of the connection's request budget (the vendor's documented limit, shared by
 * every worker through the window counter) per call about to be made, or says how long to wait.
 * Acquiring before a batch rather than reacting to 429s keeps a busy tenant under the limit.
 */
export async function takeCrmSlots(deps: CoreDeps, c: Budgeted, calls: number): Promise<Acquired> {
  const { limit, windowMs } = c.connector.rateLimit;
  for (let i = 0; i < calls; i++) {
    const slot = await deps.limiter.acquire(`crm:${c.connectionId}`, limit, windowMs + SKEW_MS);
    if (!slot.ok) return slot;
  }
  return { ok: true };
}

/**
 * A slot, waited for here when it frees up within `maxWaitMs`: a sliding window frees slots one by
 * one, and handing the job back to the queue for each would cost more than the wait.
 */
export async function waitForCrmSlot(deps: CoreDeps, c: Budgeted, maxWaitMs: number): Promise<Acquired> {
  for (;;) {
    const slot = await takeCrmSlots(deps, c, 1);
    if (slot.ok || slot.retryAfterMs > maxWaitMs) return slot;
    await sleep(slot.retryAfterMs);
  }
}

/** As waitForCrmSlot, throwing what the CRM's own 429 would be when the wait is longer. */
export async function requireCrmSlot(deps: CoreDeps, c: Budgeted, maxWaitMs: number): Promise<void> {
  const slot = await waitForCrmSlot(deps, c, maxWaitMs);
  if (!slot.ok)
    throw new ConnectorError('rate_limited', 'waiting for the CRM rate limit', {
      retryAfterMs: slot.retryAfterMs,
    });
}
