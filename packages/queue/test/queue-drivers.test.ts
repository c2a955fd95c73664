import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteKeys, redisAvailable, TEST_REDIS_URL } from '../../../apps/server/test/helpers/redis.ts';
import {
  createBullmqQueue,
  createEmbeddedQueue,
  type JobEvent,
  type JobHandlers,
  type JobPayload,
  type JobQueue,
  PermanentJobError,
  RetryLaterError,
} from '../src/index.ts';

const hasRedis = await redisAvailable();
type Kind = 'embedded' | 'bullmq';
const kinds: Kind[] = hasRedis ? ['embedded', 'bullmq'] : ['embedded'];

const ids = () => ({ tenantId: crypto.randomUUID(), messageId: crypto.randomUUID() });
const wait = { timeout: 10_000, interval: 20 };

/** The behaviour both drivers share: the API (dispatch) and worker roles see the same thing. */
describe.each(kinds)('%s queue', (kind) => {
  let prefix: string;
  let opened: JobQueue[];
  const prefixes: string[] = [];
  let shared: JobQueue | undefined;

  /** A process: with BullMQ a fresh one each time; embedded mode has a single process. */
  const open = (opts: { maxDeferrals?: number } = {}): JobQueue => {
    if (kind === 'embedded') {
      shared ??= createEmbeddedQueue(opts);
      opened.push(shared);
      return shared;
    }
    const q = createBullmqQueue(TEST_REDIS_URL, { prefix, ...opts });
    opened.push(q);
    return q;
  };

  beforeEach(() => {
    prefix = `rf-test-${crypto.randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    opened = [];
    shared = undefined;
  });
  afterEach(async () => {
    await Promise.allSettled([...new Set(opened)].map((q) => q.close()));
    if (kind === 'bullmq') await deleteKeys(TEST_REDIS_URL, `${prefix}:*`);
  });
  afterAll(async () => {
    if (kind !== 'bullmq') return;
    await sleep(500); // a worker's last stalled-job check can land just after its test's clean-up
    for (const p of prefixes) await deleteKeys(TEST_REDIS_URL, `${p}:*`);
  });

  it('consumes only the chosen queues; dispatch reaches every queue', async () => {
    const api = open();
    const inboundWorker = open();
    const seen: string[] = [];
    await inboundWorker.work(
      {
        'inbound.process': async (p) => {
          seen.push(`inbound:${p.eventId}`);
        },
        'inbound.receipts': async (p) => {
          seen.push(`receipts:${p.eventIds.join(',')}`);
        },
      },
      undefined,
      { queues: ['inbound'] },
    );
    const event = { tenantId: crypto.randomUUID(), eventId: crypto.randomUUID() };
    const message = ids();
    await api.dispatch('ai.process', message, { jobId: `ai-${message.messageId}` });
    await api.dispatch('inbound.process', event, { jobId: `in-${event.eventId}` });

    await vi.waitFor(() => expect(seen).toEqual([`inbound:${event.eventId}`]), wait);
    await sleep(300);
    expect(seen).toHaveLength(1);
    expect((await api.stats()).ai).toEqual({ waiting: 1, active: 0, delayed: 0 });

    // A worker for the ai queue (another process with BullMQ) picks up what was left waiting.
    await open().work(
      {
        'ai.process': async (p) => {
          seen.push(`ai:${p.messageId}`);
        },
      },
      undefined,
      { queues: ['ai'] },
    );
    await vi.waitFor(() => expect(seen).toContain(`ai:${message.messageId}`), wait);
  });

  it('refuses to consume a chosen queue it has no handler for, or an unknown queue', async () => {
    const worker = open();
    const onlyInbound = { 'inbound.process': async () => {}, 'inbound.receipts': async () => {} };
    // @ts-expect-error the ai queue is chosen, so its handler is required
    await expect(worker.work(onlyInbound, undefined, { queues: ['inbound', 'ai'] })).rejects.toThrow(
      /No handler for ai\.process \(queue ai\)/,
    );
    const handlers = onlyInbound as unknown as JobHandlers;
    await expect(worker.work(handlers, undefined, { queues: ['inbox' as 'inbound'] })).rejects.toThrow(
      /Unknown queue 'inbox'/,
    );
  });

  it('RetryLaterError runs the job again after the delay without using up an attempt', async () => {
    const api = open();
    const worker = open();
    const calls: { attempt: number; final: boolean; at: number }[] = [];
    const events: JobEvent[] = [];
    await worker.work(
      {
        'outbound.send': async (_p, ctx) => {
          calls.push({ ...ctx, at: Date.now() });
          if (calls.length <= 2) throw new RetryLaterError(300, 'channel rate limit');
          if (calls.length === 3) throw new Error('platform 500');
        },
      },
      (e) => events.push(e),
      { queues: ['outbound'] },
    );
    const p = ids();
    await api.dispatch('outbound.send', p, { jobId: `out-${p.messageId}` });

    await vi.waitFor(() => expect(events.at(-1)?.type).toBe('completed'), { timeout: 15_000, interval: 50 });
    // Two deferrals, then a real failure (attempt 1 of 6), then the retry (attempt 2).
    expect(calls.map((c) => c.attempt)).toEqual([1, 1, 1, 2]);
    expect(calls.every((c) => !c.final)).toBe(true);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(290);
    const jobId = `out-${p.messageId}`;
    expect(events).toEqual([
      {
        type: 'deferred',
        name: 'outbound.send',
        jobId,
        attempt: 1,
        delayMs: 300,
        reason: 'channel rate limit',
        deferrals: 1,
      },
      {
        type: 'deferred',
        name: 'outbound.send',
        jobId,
        attempt: 1,
        delayMs: 300,
        reason: 'channel rate limit',
        deferrals: 2,
      },
      { type: 'failed', name: 'outbound.send', jobId, attempt: 1, final: false, error: 'platform 500' },
      { type: 'completed', name: 'outbound.send', jobId, attempt: 2 },
    ]);
  }, 30_000);

  it('counts a RetryLaterError as a failure once the job has been deferred too often', async () => {
    const api = open({ maxDeferrals: 2 });
    const worker = open({ maxDeferrals: 2 });
    const events: JobEvent[] = [];
    await worker.work(
      {
        'outbound.send': async () => {
          throw new RetryLaterError(50, 'breaker open');
        },
      },
      (e) => events.push(e),
      { queues: ['outbound'] },
    );
    const p = ids();
    await api.dispatch('outbound.send', p, { jobId: `out-${p.messageId}` });

    await vi.waitFor(() => expect(events).toHaveLength(3), wait);
    expect(events.map((e) => e.type)).toEqual(['deferred', 'deferred', 'failed']);
    expect(events[2]).toMatchObject({ attempt: 1, final: false, error: 'retry in 50 ms: breaker open' });
  });

  it('reports a final failure with the payload, for the dead-letter record', async () => {
    const api = open();
    const worker = open();
    const events: JobEvent[] = [];
    await worker.work(
      {
        'crm.sync': async () => {
          throw new PermanentJobError('CRM rejected the lead');
        },
      },
      (e) => events.push(e),
      { queues: ['crm'] },
    );
    const p: JobPayload<'crm.sync'> = { tenantId: crypto.randomUUID(), leadId: crypto.randomUUID() };
    await api.dispatch('crm.sync', p, { jobId: `crm-${p.leadId}` });

    await vi.waitFor(() => expect(events).toHaveLength(1), wait);
    expect(events[0]).toEqual({
      type: 'failed',
      name: 'crm.sync',
      jobId: `crm-${p.leadId}`,
      attempt: 1,
      final: true,
      error: 'CRM rejected the lead',
      payload: p,
    });
  });

  it('stats() counts waiting, active and delayed jobs per queue', async () => {
    const api = open();
    const empty = { waiting: 0, active: 0, delayed: 0 };
    expect(await api.stats()).toEqual({
      mail: empty,
      inbound: empty,
      ai: empty,
      outbound: empty,
      crm: empty,
      scheduled: empty,
    });

    for (const jobId of ['a', 'b', 'c']) await api.dispatch('ai.process', ids(), { jobId });
    await api.dispatch('ai.process', ids(), { jobId: 'later-1', delayMs: 60_000 });
    await api.dispatch(
      'crm.sync',
      { tenantId: crypto.randomUUID(), leadId: crypto.randomUUID() },
      {
        jobId: 'later-2',
        delayMs: 60_000,
      },
    );
    await vi.waitFor(
      async () => expect((await api.stats()).ai).toEqual({ ...empty, waiting: 3, delayed: 1 }),
      wait,
    );

    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await open().work({ 'ai.process': () => gate }, undefined, { queues: ['ai'] });
    await vi.waitFor(
      async () => expect((await api.stats()).ai).toEqual({ ...empty, active: 3, delayed: 1 }),
      wait,
    );
    const stats = await api.stats();
    expect(stats.crm).toEqual({ ...empty, delayed: 1 });
    expect(stats.inbound).toEqual(empty);
    release();
    await vi.waitFor(async () => expect((await api.stats()).ai).toEqual({ ...empty, delayed: 1 }), wait);
  });

  it('refuses a job id BullMQ would refuse', async () => {
    const api = open();
    await expect(api.dispatch('ai.process', ids(), { jobId: 'ai:1' })).rejects.toThrow(/no ':'/);
    await expect(api.dispatch('ai.process', ids(), { jobId: '42' })).rejects.toThrow(/integer/);
  });
});
