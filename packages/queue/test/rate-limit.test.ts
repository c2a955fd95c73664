import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteKeys, redisAvailable, TEST_REDIS_URL } from '../../../apps/server/test/helpers/redis.ts';
import {
  createMemoryWindowCounter,
  createRateLimiter,
  createRedisWindowCounter,
  type WindowCounter,
} from '../src/index.ts';

const hasRedis = await redisAvailable();
type Kind = 'memory' | 'redis';
const kinds: Kind[] = hasRedis ? ['memory', 'redis'] : ['memory'];

describe.each(kinds)('rate limiter on a %s window counter', (kind) => {
  let prefix: string;
  let counters: WindowCounter[];
  const counter = () => {
    const c =
      kind === 'memory' ? createMemoryWindowCounter() : createRedisWindowCounter(TEST_REDIS_URL, prefix);
    counters.push(c);
    return c;
  };

  beforeEach(() => {
    prefix = `rf-test-${crypto.randomUUID().slice(0, 8)}:win:`;
    counters = [];
  });
  afterEach(async () => {
    await Promise.all(counters.map((c) => c.close()));
    if (kind === 'redis') await deleteKeys(TEST_REDIS_URL, `${prefix}*`);
  });

  it('grants `limit` slots per window, then says how long until the next one frees up', async () => {
    const limiter = createRateLimiter(counter());
    expect(await limiter.acquire('outbound:fb-page-1', 3, 1_000)).toEqual({ ok: true });
    // The first slot was taken by now, so its window ends at most 1 s from this instant.
    const afterFirst = Date.now();
    for (let i = 0; i < 2; i++)
      expect(await limiter.acquire('outbound:fb-page-1', 3, 1_000)).toEqual({ ok: true });

    // The limiter reads its clock no earlier than this, so at most this much of the window is left.
    const beforeRefused = Date.now();
    const refused = await limiter.acquire('outbound:fb-page-1', 3, 1_000);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    // +1: the counter may round its clock up to the millisecond.
    expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000 - (beforeRefused - afterFirst) + 1);
    expect(refused.retryAfterMs).toBeGreaterThan(800);
  });

  it('does not count refused calls: the budget comes back once the window has passed', async () => {
    const limiter = createRateLimiter(counter());
    await limiter.acquire('k', 2, 300);
    await limiter.acquire('k', 2, 300);
    // A busy worker asking again and again must not push its own window further out.
    for (let i = 0; i < 10; i++) expect((await limiter.acquire('k', 2, 300)).ok).toBe(false);
    await sleep(350);
    expect(await limiter.acquire('k', 2, 300)).toEqual({ ok: true });
    expect(await limiter.acquire('k', 2, 300)).toEqual({ ok: true });
    expect((await limiter.acquire('k', 2, 300)).ok).toBe(false);
  });

  it('keeps keys (channels) independent', async () => {
    const limiter = createRateLimiter(counter());
    expect(await limiter.acquire('outbound:a', 1, 60_000)).toEqual({ ok: true });
    expect((await limiter.acquire('outbound:a', 1, 60_000)).ok).toBe(false);
    expect(await limiter.acquire('outbound:b', 1, 60_000)).toEqual({ ok: true });
  });

  it('grants exactly `limit` slots to concurrent callers, across processes', async () => {
    const a = createRateLimiter(counter());
    // With Redis a second counter stands for another worker process; in memory, the same process.
    const b = kind === 'redis' ? createRateLimiter(counter()) : a;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).acquire('burst', 7, 60_000)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
  });

  it('never grants a slot with a limit of 0', async () => {
    const limiter = createRateLimiter(counter());
    expect(await limiter.acquire('paused', 0, 5_000)).toEqual({ ok: false, retryAfterMs: 5_000 });
  });
});
