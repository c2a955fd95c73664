import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RealtimeEvent } from '@replyforce/contracts';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redisAvailable, TEST_REDIS_URL } from '../../../apps/server/test/helpers/redis.ts';
import { createMemoryEventBus, createRedisEventBus, type EventBus } from '../src/index.ts';

const hasRedis = await redisAvailable();

const event = (type: RealtimeEvent['type'] = 'message.created', data: Record<string, unknown> = {}) => ({
  type,
  data,
  at: new Date().toISOString(),
});

/** A port nothing listens on: Redis "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('memory event bus', () => {
  it('hands every event to every subscriber, with its tenant, until they unsubscribe', async () => {
    const bus = createMemoryEventBus();
    const seen: string[] = [];
    const off = bus.subscribe((tenantId, e) => seen.push(`1:${tenantId}:${e.type}`));
    bus.subscribe((tenantId, e) => seen.push(`2:${tenantId}:${e.type}`));
    await bus.publish('t-a', event('lead.updated'));
    off();
    await bus.publish('t-b', event('channel.status'));
    expect(seen).toEqual(['1:t-a:lead.updated', '2:t-a:lead.updated', '2:t-b:channel.status']);
    await bus.close();
  });

  it('keeps a throwing subscriber from failing the publisher or starving the others', async () => {
    const bus = createMemoryEventBus();
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('socket gone');
    });
    bus.subscribe((tenantId) => seen.push(tenantId));
    await expect(bus.publish('t-a', event())).resolves.toBeUndefined();
    expect(seen).toEqual(['t-a']);
    await bus.close();
  });
});

describe.skipIf(!hasRedis)('redis event bus', () => {
  let buses: EventBus[] = [];
  const channel = () => `rf-test-${crypto.randomUUID().slice(0, 8)}:realtime`;
  const open = (url: string, ch: string, publishTimeoutMs?: number) => {
    const bus = createRedisEventBus(url, { channel: ch, ...(publishTimeoutMs ? { publishTimeoutMs } : {}) });
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    await Promise.all(buses.map((b) => b.close()));
    buses = [];
  });

  it('delivers between two API processes, both ways, with the tenant and the event intact', async () => {
    const ch = channel();
    const one = open(TEST_REDIS_URL, ch);
    const two = open(TEST_REDIS_URL, ch);
    const seenByOne: [string, RealtimeEvent][] = [];
    const seenByTwo: [string, RealtimeEvent][] = [];
    one.subscribe((t, e) => seenByOne.push([t, e]));
    two.subscribe((t, e) => seenByTwo.push([t, e]));
    await Promise.all([one.ready(), two.ready()]);

    const fromOne = event('message.created', { conversationId: 'c-1', messageId: 'm-1' });
    const fromTwo = event('conversation.updated', { conversationId: 'c-2' });
    await one.publish('tenant-a', fromOne);
    await two.publish('tenant-b', fromTwo);

    const both = [
      ['tenant-a', fromOne],
      ['tenant-b', fromTwo],
    ];
    await vi.waitFor(() => expect(seenByTwo).toEqual(both), { timeout: 5_000, interval: 20 });
    await vi.waitFor(() => expect(seenByOne).toEqual(both), { timeout: 5_000, interval: 20 });
  });

  it('ignores other channels and malformed messages', async () => {
    const ch = channel();
    const bus = open(TEST_REDIS_URL, ch);
    const seen: string[] = [];
    bus.subscribe((t) => seen.push(t));
    await bus.ready();
    const raw = new Redis(TEST_REDIS_URL);
    try {
      await raw.publish(ch, 'not json');
      await raw.publish(ch, JSON.stringify({ tenantId: 't', event: { type: 'x' } }));
      await raw.publish(`${ch}-other`, JSON.stringify({ tenantId: 'other', event: event() }));
      await raw.publish(ch, JSON.stringify({ tenantId: 'good', event: event() }));
    } finally {
      raw.disconnect();
    }
    await vi.waitFor(() => expect(seen).toEqual(['good']), { timeout: 5_000, interval: 20 });
  });

  it('publishing while Redis is down returns promptly without throwing', async () => {
    const bus = open(`redis://127.0.0.1:${await closedPort()}`, channel(), 500);
    const startedAt = Date.now();
    await expect(bus.publish('tenant-a', event())).resolves.toBeUndefined();
    await expect(bus.publish('tenant-a', event())).resolves.toBeUndefined();
    expect(Date.now() - startedAt).toBeLessThan(1_500);
  });

  it('receives again after its subscriber connection was dropped (a Redis restart)', async () => {
    const ch = channel();
    const publisher = open(TEST_REDIS_URL, ch);
    const listener = open(TEST_REDIS_URL, ch);
    const seen: string[] = [];
    listener.subscribe((_t, e) => seen.push(String(e.data.n)));
    await listener.ready();

    const admin = new Redis(TEST_REDIS_URL);
    try {
      // Kill only this bus's subscriber connection, found by the name it gives itself.
      const clients = (await admin.client('LIST')) as string;
      const line = clients.split('\n').find((l) => l.includes(` name=${ch}:sub `));
      const id = line?.match(/^id=(\d+)/)?.[1];
      expect(id).toBeDefined();
      await admin.client('KILL', 'ID', id!);
    } finally {
      admin.disconnect();
    }

    // Events published while it reconnects are lost (best-effort); later ones arrive.
    let n = 0;
    await vi.waitFor(
      async () => {
        await publisher.publish('tenant-a', event('message.status', { n: ++n }));
        await sleep(20);
        expect(seen.length).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
