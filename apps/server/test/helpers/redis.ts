import { Redis } from 'ioredis';
import { REQUIRE_SERVICES } from './databases.ts';

/** The Redis server the suites use: REDIS_URL, or the local one. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

let available: Promise<boolean> | undefined;
/**
 * Whether the Redis suites run. With REQUIRE_SERVICES=1 an unreachable server fails the run
 * instead of being skipped.
 */
export function redisAvailable(): Promise<boolean> {
  available ??= reachable(TEST_REDIS_URL).then((ok) => {
    if (ok) return true;
    if (REQUIRE_SERVICES) throw new Error(`REQUIRE_SERVICES=1 but Redis is unreachable at ${TEST_REDIS_URL}`);
    console.warn(`Redis unreachable at ${TEST_REDIS_URL}: Redis suites are skipped`);
    return false;
  });
  return available;
}

/** Deletes every key under a test's prefix (queues, counters), so runs leave nothing behind. */
export async function deleteKeys(url: string, pattern: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    client.disconnect();
  }
}
