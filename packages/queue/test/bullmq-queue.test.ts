import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteKeys, redisAvailable, TEST_REDIS_URL } from '../../../apps/server/test/helpers/redis.ts';
import { createBullmqQueue, type JobQueue, PermanentJobError } from '../src/index.ts';
import { payload, recorder } from './recorder.ts';

const openSockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

const hasRedis = await redisAvailable();

describe.skipIf(!hasRedis)('BullMQ queue on Redis', () => {
  let prefix: string;
  let opened: JobQueue[];
  /** One queue per process role: the API dispatches, the worker consumes, as in production. */
  const open = () => {
    const q = createBullmqQueue(TEST_REDIS_URL, { prefix });
    opened.push(q);
    return q;
  };

  const prefixes: string[] = [];

  beforeEach(() => {
    prefix = `rf-test-${crypto.randomUUID().slice(0, 8)}`;
    prefixes.push(prefix);
    opened = [];
  });
  afterEach(async () => {
    await Promise.allSettled(opened.map((q) => q.close()));
    await deleteKeys(TEST_REDIS_URL, `${prefix}:*`);
  });
  afterAll(async () => {
    // A worker's last stalled-job check can land just after its test's clean-up.
    await sleep(500);
    for (const p of prefixes) await deleteKeys(TEST_REDIS_URL, `${p}:*`);
  });

  it('runs a job dispatched by another process once, with its payload', async () => {
    const api = open();
    const worker = open();
    const r = recorder();
    await worker.work(r.handlers, r.onEvent);
    const p = payload();
    await api.dispatch('mail.deliver', p, { jobId: `mail-${p.mailId}` });

    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(r.calls).toEqual([{ payload: p, attempt: 1, final: false }]);
    expect(r.events).toEqual([
      { type: 'completed', name: 'mail.deliver', jobId: `mail-${p.mailId}`, attempt: 1 },
    ]);
    await sleep(300);
    expect(r.calls).toHaveLength(1);
  });

  it('runs jobs dispatched before any worker was running', async () => {
    const api = open();
    const p = payload();
    await api.dispatch('mail.deliver', p, { jobId: 'early' });

    const worker = open();
    const r = recorder();
    await worker.work(r.handlers, r.onEvent);
    await vi.waitFor(() => expect(r.calls).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(r.calls[0]?.payload).toEqual(p);
  });

  it('runs the same jobId once when it is dispatched twice while pending', async () => {
    const api = open();
    const worker = open();
    const r = recorder();
    const p = payload();
    await api.dispatch('mail.deliver', p, { jobId: 'same-job', delayMs: 300 });
    await api.dispatch('mail.deliver', p, { jobId: 'same-job', delayMs: 300 });
    await worker.work(r.handlers, r.onEvent);
    await api.dispatch('mail.deliver', p, { jobId: 'same-job' });

    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 10_000, interval: 50 });
    await sleep(1_000);
    expect(r.calls).toHaveLength(1);
    expect(r.events).toHaveLength(1);
  });

  it('does not retry a PermanentJobError and reports a final failure', async () => {
    const api = open();
    const worker = open();
    const r = recorder(async () => {
      throw new PermanentJobError('mailbox does not exist');
    });
    await worker.work(r.handlers, r.onEvent);
    const p = payload();
    await api.dispatch('mail.deliver', p, { jobId: 'doomed' });

    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(r.events[0]).toEqual({
      type: 'failed',
      name: 'mail.deliver',
      jobId: 'doomed',
      attempt: 1,
      final: true,
      error: 'mailbox does not exist',
      // A final failure carries the payload, so the caller can write a dead-letter record.
      payload: p,
    });
    // Past the first backoff (1 s): still a single attempt.
    await sleep(1_800);
    expect(r.calls).toHaveLength(1);
    expect(r.events).toHaveLength(1);
  });

  it('retries a job that failed once, after the first backoff, and completes it', async () => {
    const api = open();
    const worker = open();
    const r = recorder(async (n) => {
      if (n === 1) throw new Error('smtp down');
    });
    await worker.work(r.handlers, r.onEvent);
    const p = payload();
    await api.dispatch('mail.deliver', p, { jobId: 'flaky' });

    await vi.waitFor(() => expect(r.events.at(-1)?.type).toBe('completed'), {
      timeout: 15_000,
      interval: 100,
    });
    expect(r.calls.map((c) => c.attempt)).toEqual([1, 2]);
    expect(r.calls.every((c) => c.final === false && c.payload.mailId === p.mailId)).toBe(true);
    expect(r.events).toEqual([
      { type: 'failed', name: 'mail.deliver', jobId: 'flaky', attempt: 1, final: false, error: 'smtp down' },
      { type: 'completed', name: 'mail.deliver', jobId: 'flaky', attempt: 2 },
    ]);
  }, 30_000);

  it('rejects an invalid payload at dispatch, before anything is queued', async () => {
    const api = open();
    const worker = open();
    const r = recorder();
    await worker.work(r.handlers, r.onEvent);

    await expect(
      api.dispatch(
        'mail.deliver',
        { tenantId: 'not-a-uuid', mailId: crypto.randomUUID() },
        { jobId: 'bad-1' },
      ),
    ).rejects.toThrow(/tenantId/);
    await expect(
      // @ts-expect-error a job carries ids only: secrets and extra data are refused
      api.dispatch('mail.deliver', { ...payload(), accessToken: 'secret' }, { jobId: 'bad-2' }),
    ).rejects.toThrow(/accessToken/);

    await sleep(500);
    expect(r.calls).toHaveLength(0);
    expect(r.events).toHaveLength(0);
  });

  it('answers ping()', async () => {
    const q = open();
    await expect(q.ping()).resolves.toBeUndefined();
  });

  it('close() stops consuming: a job dispatched afterwards waits for the next worker', async () => {
    const api = open();
    const first = open();
    const r1 = recorder();
    await first.work(r1.handlers, r1.onEvent);
    await first.close();

    await api.dispatch('mail.deliver', payload(), { jobId: 'after-close' });
    await sleep(800);
    expect(r1.calls).toHaveLength(0);

    const second = open();
    const r2 = recorder();
    await second.work(r2.handlers, r2.onEvent);
    await vi.waitFor(() => expect(r2.calls).toHaveLength(1), { timeout: 10_000, interval: 50 });
  });

  it('close() lets a running job finish and releases every Redis connection', async () => {
    // Let the previous test's clean-up connections finish closing before counting.
    await sleep(500);
    const before = openSockets();
    const q = open();
    let finished = false;
    const r = recorder(async () => {
      await sleep(500);
      finished = true;
    });
    await q.work(r.handlers, r.onEvent);
    await q.dispatch('mail.deliver', payload(), { jobId: 'slow' });
    await vi.waitFor(() => expect(r.calls).toHaveLength(1), { timeout: 10_000, interval: 20 });

    await q.close();
    expect(finished).toBe(true);
    // A connection left open keeps a process from exiting after a clean shutdown.
    await vi.waitFor(() => expect(openSockets()).toBe(before), { timeout: 3_000, interval: 100 });
  });
});
