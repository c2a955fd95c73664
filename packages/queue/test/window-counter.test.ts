import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteKeys, redisAvailable, TEST_REDIS_URL } from '../../../apps/server/test/helpers/redis.ts';
import { createMemoryWindowCounter, createRedisWindowCounter, type WindowCounter } from '../src/index.ts';

const hasRedis = await redisAvailable();

type Kind = 'memory' | 'redis';
const kinds: Kind[] = hasRedis ? ['memory', 'redis'] : ['memory'];

describe.each(kinds)('%s window counter', (kind) => {
  let counter: WindowCounter;
  let prefix: string;

  beforeEach(() => {
    prefix = `rf-test-${crypto.randomUUID().slice(0, 8)}:win:`;
    counter =
      kind === 'memory' ? createMemoryWindowCounter() : createRedisWindowCounter(TEST_REDIS_URL, prefix);
  });
  afterEach(async () => {
    await counter.close();
    if (kind === 'redis') await deleteKeys(TEST_REDIS_URL, `${prefix}*`);
  });

  it('counts hits within the window, this one included', async () => {
    expect(await counter.hit('login:ada', 60_000)).toBe(1);
    expect(await counter.hit('login:ada', 60_000)).toBe(2);
    expect(await counter.hit('login:ada', 60_000)).toBe(3);
    expect((await counter.count('login:ada', 60_000)).count).toBe(3);
  });

  it('does not record a hit when only counting', async () => {
    expect(await counter.count('login:ada', 60_000)).toEqual({ count: 0, oldestAt: undefined });
    await counter.hit('login:ada', 60_000);
    await counter.count('login:ada', 60_000);
    await counter.count('login:ada', 60_000);
    expect((await counter.count('login:ada', 60_000)).count).toBe(1);
  });

  it('reports when the oldest event in the window happened', async () => {
    const before = Date.now();
    await counter.hit('login:ada', 60_000);
    const after = Date.now();
    await sleep(20);
    await counter.hit('login:ada', 60_000);

    const { count, oldestAt } = await counter.count('login:ada', 60_000);
    expect(count).toBe(2);
    expect(oldestAt).toBeGreaterThanOrEqual(before);
    expect(oldestAt).toBeLessThanOrEqual(after);
  });

  it('drops events older than the window', async () => {
    await counter.hit('login:ada', 300);
    await counter.hit('login:ada', 300);
    await sleep(450);

    expect(await counter.count('login:ada', 300)).toEqual({ count: 0, oldestAt: undefined });
    expect(await counter.hit('login:ada', 300)).toBe(1);
  });

  it('slides: only the events still inside the window count', async () => {
    await counter.hit('login:ada', 1_000);
    await sleep(600);
    const secondAt = Date.now();
    await counter.hit('login:ada', 1_000);
    await sleep(600);

    // The first hit is 1.2 s old, the second 0.6 s.
    const { count, oldestAt } = await counter.count('login:ada', 1_000);
    expect(count).toBe(1);
    expect(oldestAt).toBeGreaterThanOrEqual(secondAt);
    expect(await counter.hit('login:ada', 1_000)).toBe(2);
  });

  it('reset() clears a key', async () => {
    await counter.hit('login:ada', 60_000);
    await counter.hit('login:ada', 60_000);
    await counter.reset('login:ada');

    expect(await counter.count('login:ada', 60_000)).toEqual({ count: 0, oldestAt: undefined });
    expect(await counter.hit('login:ada', 60_000)).toBe(1);
  });

  it('keeps keys independent', async () => {
    await counter.hit('login:ada', 60_000);
    await counter.hit('login:ada', 60_000);
    await counter.hit('ip:10.0.0.1', 60_000);

    expect((await counter.count('login:ada', 60_000)).count).toBe(2);
    expect((await counter.count('ip:10.0.0.1', 60_000)).count).toBe(1);
    expect((await counter.count('login:bob', 60_000)).count).toBe(0);

    await counter.reset('login:ada');
    expect((await counter.count('ip:10.0.0.1', 60_000)).count).toBe(1);
  });

  it('counts hits made in the same millisecond separately', async () => {
    const counts = await Promise.all(Array.from({ length: 20 }, () => counter.hit('burst', 60_000)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await counter.count('burst', 60_000)).count).toBe(20);
  });
});

describe.skipIf(!hasRedis)('redis window counter across processes', () => {
  it('shares counts between two API processes', async () => {
    const prefix = `rf-test-${crypto.randomUUID().slice(0, 8)}:win:`;
    const a = createRedisWindowCounter(TEST_REDIS_URL, prefix);
    const b = createRedisWindowCounter(TEST_REDIS_URL, prefix);
    try {
      await a.hit('login:ada', 60_000);
      expect(await b.hit('login:ada', 60_000)).toBe(2);
      expect((await a.count('login:ada', 60_000)).count).toBe(2);
      await b.reset('login:ada');
      expect((await a.count('login:ada', 60_000)).count).toBe(0);
    } finally {
      await a.close();
      await b.close();
      await deleteKeys(TEST_REDIS_URL, `${prefix}*`);
    }
  });
});
