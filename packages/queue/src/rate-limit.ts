import type { WindowCounter } from './window-counter.ts';

export type Acquired = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /**
   * Takes one slot of `limit` per sliding `windowMs` for `key` (e.g. `outbound:<channelId>`), or
   * says how long until one frees up. A handler that is refused throws
   * `new RetryLaterError(retryAfterMs, …)`, which does not use up an attempt.
   */
  acquire(key: string, limit: number, windowMs: number): Promise<Acquired>;
}

/**
 * Per-key rate limits on top of a window counter: in memory on embedded defaults, in Redis when
 * configured so every worker process shares one budget per channel.
 */
export function createRateLimiter(
  counter: WindowCounter,
  opts: { prefix?: string; now?: () => number } = {},
): RateLimiter {
  const prefix = opts.prefix ?? 'rl:';
  const now = opts.now ?? Date.now;
  return {
    async acquire(key, limit, windowMs) {
      // A limit of 0 (a channel paused by config) never grants a slot; try again a window later.
      if (limit <= 0) return { ok: false, retryAfterMs: windowMs };
      const r = await counter.tryHit(prefix + key, limit, windowMs);
      if (r.recorded) return { ok: true };
      // The oldest event leaving the window frees the next slot.
      const freesAt = (r.oldestAt ?? now()) + windowMs;
      return { ok: false, retryAfterMs: Math.max(1, Math.ceil(freesAt - now())) };
    },
  };
}
