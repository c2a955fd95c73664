/**
 * A sliding-window counter: the timestamps of accepted hits inside the window, oldest first.
 * Memory follows actual traffic, not the configured limit, so a benchmark can raise limits freely.
 */
export type WindowState = { ok: boolean; limit: number; remaining: number; resetAt: number };

export type SlidingWindow = {
  hit(now: number): WindowState;
  peek(now: number): WindowState;
};

export function createSlidingWindow(limit: number, windowMs: number): SlidingWindow {
  let times: number[] = [];
  let head = 0;
  const prune = (now: number) => {
    const since = now - windowMs;
    while (head < times.length && (times[head] as number) <= since) head++;
    // Compact now and then instead of shifting on every hit.
    if (head > 1024 && head * 2 > times.length) {
      times = times.slice(head);
      head = 0;
    }
  };
  const state = (now: number, ok: boolean): WindowState => {
    const count = times.length - head;
    return {
      ok,
      limit,
      remaining: Math.max(0, limit - count),
      resetAt: (count > 0 ? (times[head] as number) : now) + windowMs,
    };
  };
  return {
    hit(now) {
      prune(now);
      if (times.length - head >= limit) return state(now, false);
      times.push(now);
      return state(now, true);
    },
    peek(now) {
      prune(now);
      return state(now, times.length - head < limit);
    },
  };
}

/** One window per key (bucket and account), created on first use. */
export type RateLimiter = {
  hit(key: string, limit: number, windowMs: number): WindowState;
  peek(key: string, limit: number, windowMs: number): WindowState;
};

export function createRateLimiter(now: () => number): RateLimiter {
  const windows = new Map<string, SlidingWindow>();
  const get = (key: string, limit: number, windowMs: number) => {
    const k = `${key}|${limit}|${windowMs}`;
    let w = windows.get(k);
    if (!w) {
      w = createSlidingWindow(limit, windowMs);
      windows.set(k, w);
    }
    return w;
  };
  return {
    hit: (key, limit, windowMs) => get(key, limit, windowMs).hit(now()),
    peek: (key, limit, windowMs) => get(key, limit, windowMs).peek(now()),
  };
}
