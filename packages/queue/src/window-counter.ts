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
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

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
    async reset(key) {
      events.delete(key);
    },
    async close() {
      events.clear();
    },
  };
}

export function createRedisWindowCounter(redisUrl: string, prefix = 'rf:win:'): WindowCounter {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
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
    async reset(key) {
      await redis.del(prefix + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}
