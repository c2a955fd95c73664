/**
 * A circuit breaker per key (tenant + provider), in memory. Closed: calls pass and consecutive
 * failures are counted. After `failureThreshold` of them it opens: calls are refused without
 * reaching the provider until `cooldownMs` has passed. Then it is half-open: one trial call goes
 * through; success closes it, failure opens it for another cooldown. Per process on purpose: each
 * worker learns a provider is down after a few of its own failures, and no Redis round trip is added.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export type CircuitBreaker = {
  /** Whether a call may go out now; in half-open state this claims the single trial. */
  tryAcquire(key: string): boolean;
  recordSuccess(key: string): void;
  recordFailure(key: string): void;
  state(key: string): BreakerState;
  /** Frees a claimed trial without a verdict (the caller gave up), so the next call may try. */
  release(key: string): void;
  /** How long until an open circuit lets its next trial through, for a Retry-After. */
  retryAfterMs(key: string): number | undefined;
};

export type CircuitBreakerOptions = { failureThreshold: number; cooldownMs: number; now?: () => number };

type Entry = { failures: number; openedAt: number | undefined; trialInFlight: boolean };

export const breakerKey = (tenantId: string, provider: string) => `${tenantId}:${provider}`;

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const { failureThreshold, cooldownMs, now = Date.now } = options;
  if (!(failureThreshold >= 1)) throw new Error('createCircuitBreaker: failureThreshold must be at least 1');
  const entries = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    let e = entries.get(key);
    if (!e) {
      e = { failures: 0, openedAt: undefined, trialInFlight: false };
      entries.set(key, e);
    }
    return e;
  };
  const state = (key: string): BreakerState => {
    const e = entries.get(key);
    if (e?.openedAt === undefined) return 'closed';
    return now() - e.openedAt >= cooldownMs ? 'half_open' : 'open';
  };
  return {
    state,
    tryAcquire(key) {
      const s = state(key);
      if (s === 'closed') return true;
      if (s === 'open') return false;
      const e = entry(key);
      if (e.trialInFlight) return false;
      e.trialInFlight = true;
      return true;
    },
    recordSuccess(key) {
      // Closed and healthy is the default: forgetting the key keeps the map small.
      entries.delete(key);
    },
    recordFailure(key) {
      const e = entry(key);
      e.trialInFlight = false;
      e.failures += 1;
      if (e.openedAt !== undefined || e.failures >= failureThreshold) e.openedAt = now();
    },
    release(key) {
      const e = entries.get(key);
      if (e) e.trialInFlight = false;
    },
    retryAfterMs(key) {
      const openedAt = entries.get(key)?.openedAt;
      return openedAt === undefined ? undefined : Math.max(0, openedAt + cooldownMs - now());
    },
  };
}
