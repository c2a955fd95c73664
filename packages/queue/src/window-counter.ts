import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Sliding-window event counter (login failures now, API rate limits later). In memory on embedded
 * defaults; in Redis when configured, so every API process sees the same counts.
 */
export interface WindowCounter {
  /** Records one event and returns how many fall inside the window, this one included. */
  hit(key: string, windowMs: number): Promise<number>;
  count(key: string, windowMs: number): Promise<{ count: number; oldestAt: number | undefined }>;
  /**
   * Records one event only if fewer than `limit` fall inside the window, atomically (two processes
   * cannot both take the last slot). A refused event is not recorded, so waiting callers do not
   * push the window further out.
   */
  tryHit(key: string, limit: number, windowMs: number): Promise<TryHitResult>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export type TryHitResult = {
  recorded: boolean;
  /** Events inside the window, this one included when recorded. */
  count: number;
  oldestAt: number | undefined;
};

export function createMemoryWindowCounter(now: () => number = Date.now): WindowCounter {
  const events = new Map<string, number[]>();
  const prune = (key: string, windowMs: number) => {
    const since = now() - windowMs;
    const list = (events.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) events.delete(key);
    else events.set(key, list);
    return list;
  };
  return {
    async hit(key, windowMs) {
      const list = prune(key, windowMs);
      list.push(now());
      events.set(key, list);
      return list.length;
    },
    async count(key, windowMs) {
      const list = prune(key, windowMs);
      return { count: list.length, oldestAt: list[0] };
    },
    async tryHit(key, limit, windowMs) {
      const list = prune(key, windowMs);
      const recorded = list.length < limit;
      if (recorded) {
        list.push(now());
        events.set(key, list);
      }
      return { recorded, count: list.length, oldestAt: list[0] };
    },
    async reset(key) {
      events.delete(key);
    },
    async close() {
      events.clear();
    },
  };
}

// Check and record in one script: a MULTI cannot branch on the count it reads.
const TRY_HIT = `
local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, 0, now - window)
local n = redis.call('ZCARD', key)
local recorded = 0
if n < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  n = n + 1
  recorded = 1
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {recorded, n, oldest[2] or false}
`;

export function createRedisWindowCounter(redisUrl: string, prefix = 'rf:win:'): WindowCounter {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.on('error', () => {});
  return {
    async hit(key, windowMs) {
      const k = prefix + key;
      const t = Date.now();
      const res = await redis
        .multi()
        .zremrangebyscore(k, 0, t - windowMs)
        .zadd(k, t, `${t}:${randomUUID()}`)
        .zcard(k)
        .pexpire(k, windowMs)
        .exec();
      return Number(res?.[2]?.[1] ?? 0);
    },
    async count(key, windowMs) {
      const k = prefix + key;
      const t = Date.now();
      const res = await redis
        .multi()
        .zremrangebyscore(k, 0, t - windowMs)
        .zcard(k)
        .zrange(k, 0, 0, 'WITHSCORES')
        .exec();
      const oldest = res?.[2]?.[1] as string[] | undefined;
      return { count: Number(res?.[1]?.[1] ?? 0), oldestAt: oldest?.[1] ? Number(oldest[1]) : undefined };
    },
    async tryHit(key, limit, windowMs) {
      const t = Date.now();
      const res = (await redis.eval(
        TRY_HIT,
        1,
        prefix + key,
        t,
        windowMs,
        limit,
        `${t}:${randomUUID()}`,
      )) as [number, number, string | null];
      const oldest = res[2] ? Number(res[2]) : undefined;
      return { recorded: res[0] === 1, count: Number(res[1]), oldestAt: oldest };
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}
