/**
 * One breaker per external service (seed 001 §8.2): after 5 consecutive failures the circuit
 * opens for 30 s and calls are deferred instead of hammering a platform that is down; then a few
 * trial calls (half-open) decide whether it closes again after 3 successes. Per process: each
 * worker learns on its own, which is enough to stop a retry storm.
 */
export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export type CircuitBreakers = {
  /** Undefined when a call may go ahead; otherwise how long to wait, in ms. */
  check(service: string): number | undefined;
  success(service: string): void;
  failure(service: string): void;
  state(service: string): BreakerState;
};

export function createCircuitBreakers(
  opts: {
    failureThreshold?: number;
    recoveryMs?: number;
    successThreshold?: number;
    now?: () => number;
  } = {},
): CircuitBreakers {
  const failureThreshold = opts.failureThreshold ?? 5;
  const recoveryMs = opts.recoveryMs ?? 30_000;
  const successThreshold = opts.successThreshold ?? 3;
  const now = opts.now ?? Date.now;
  const breakers = new Map<
    string,
    { state: BreakerState; failures: number; successes: number; openedAt: number }
  >();

  const get = (service: string) => {
    let b = breakers.get(service);
    if (!b) {
      b = { state: 'CLOSED', failures: 0, successes: 0, openedAt: 0 };
      breakers.set(service, b);
    }
    return b;
  };

  return {
    check(service) {
      const b = get(service);
      if (b.state !== 'OPEN') return undefined;
      const wait = b.openedAt + recoveryMs - now();
      if (wait > 0) return wait;
      b.state = 'HALF_OPEN';
      b.successes = 0;
      return undefined;
    },
    success(service) {
      const b = get(service);
      if (b.state === 'HALF_OPEN' && ++b.successes < successThreshold) return;
      b.state = 'CLOSED';
      b.failures = 0;
    },
    failure(service) {
      const b = get(service);
      b.failures++;
      if (b.state === 'HALF_OPEN' || b.failures >= failureThreshold) {
        b.state = 'OPEN';
        b.openedAt = now();
      }
    },
    state: (service) => get(service).state,
  };
}
