import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmbeddedQueue, type JobPayload, type JobQueue, PermanentJobError } from '../src/index.ts';
import { payload, recorder } from './recorder.ts';

describe('embedded queue', () => {
  let queue: JobQueue;
  afterEach(async () => {
    await queue?.close();
  });

  it('runs a dispatched job once with its payload', async () => {
    queue = createEmbeddedQueue();
    const r = recorder();
    await queue.work(r.handlers, r.onEvent);
    const p = payload();
    await queue.dispatch('mail.deliver', p, { jobId: `mail-${p.mailId}` });

    await vi.waitFor(() => expect(r.events).toContainEqual(expect.objectContaining({ type: 'completed' })), {
      timeout: 5_000,
    });
    expect(r.calls).toEqual([{ payload: p, attempt: 1, final: false }]);
    expect(r.events).toEqual([
      { type: 'completed', name: 'mail.deliver', jobId: `mail-${p.mailId}`, attempt: 1 },
    ]);
    await sleep(200);
    expect(r.calls).toHaveLength(1);
  });

  it('runs the same jobId once when it is dispatched twice while pending', async () => {
    queue = createEmbeddedQueue();
    const r = recorder();
    await queue.work(r.handlers, r.onEvent);
    const p = payload();
    await queue.dispatch('mail.deliver', p, { jobId: 'same-job', delayMs: 100 });
    await queue.dispatch('mail.deliver', p, { jobId: 'same-job', delayMs: 100 });
    await queue.dispatch('mail.deliver', payload(), { jobId: 'other-job' });

    await vi.waitFor(() => expect(r.events.filter((e) => e.type === 'completed')).toHaveLength(2), {
      timeout: 5_000,
    });
    await sleep(300);
    expect(r.calls.filter((c) => c.payload.mailId === p.mailId)).toHaveLength(1);
    expect(r.calls).toHaveLength(2);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    queue = createEmbeddedQueue();
    const r = recorder(async (n) => {
      if (n <= 2) throw new Error(`smtp down (${n})`);
    });
    await queue.work(r.handlers, r.onEvent);
    const p = payload();
    await queue.dispatch('mail.deliver', p, { jobId: 'flaky' });

    // Catalogue backoff for mail.deliver: 1 s, then 5 s.
    await vi.waitFor(() => expect(r.events.at(-1)?.type).toBe('completed'), {
      timeout: 15_000,
      interval: 100,
    });
    expect(r.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(r.calls.every((c) => c.final === false)).toBe(true);
    expect(r.calls.every((c) => c.payload.mailId === p.mailId)).toBe(true);
    expect(r.events).toEqual([
      {
        type: 'failed',
        name: 'mail.deliver',
        jobId: 'flaky',
        attempt: 1,
        final: false,
        error: 'smtp down (1)',
      },
      {
        type: 'failed',
        name: 'mail.deliver',
        jobId: 'flaky',
        attempt: 2,
        final: false,
        error: 'smtp down (2)',
      },
      { type: 'completed', name: 'mail.deliver', jobId: 'flaky', attempt: 3 },
    ]);
  }, 30_000);

  it('does not retry a PermanentJobError and reports a final failure', async () => {
    queue = createEmbeddedQueue();
    const r = recorder(async () => {
      throw new PermanentJobError('mailbox does not exist');
    });
    await queue.work(r.handlers, r.onEvent);
    const p = payload();
    await queue.dispatch('mail.deliver', p, { jobId: 'doomed' });

    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 5_000 });
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
    await sleep(1_500);
    expect(r.calls).toHaveLength(1);
    expect(r.events).toHaveLength(1);
  });

  it('can run a jobId again once its earlier run failed for good', async () => {
    queue = createEmbeddedQueue();
    const r = recorder(async (n) => {
      if (n === 1) throw new PermanentJobError('bad');
    });
    await queue.work(r.handlers, r.onEvent);
    const p = payload();
    await queue.dispatch('mail.deliver', p, { jobId: 'again' });
    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 5_000 });
    await queue.dispatch('mail.deliver', p, { jobId: 'again' });
    await vi.waitFor(() => expect(r.events).toHaveLength(2), { timeout: 5_000 });
    expect(r.events[1]).toMatchObject({ type: 'completed', jobId: 'again', attempt: 1 });
  });

  it('rejects an invalid payload at dispatch, before anything runs', async () => {
    queue = createEmbeddedQueue();
    const r = recorder();
    await queue.work(r.handlers, r.onEvent);

    await expect(
      queue.dispatch(
        'mail.deliver',
        { tenantId: 'not-a-uuid', mailId: crypto.randomUUID() },
        { jobId: 'bad-1' },
      ),
    ).rejects.toThrow(/tenantId/);
    await expect(
      // @ts-expect-error a job carries ids only: secrets and extra data are refused
      queue.dispatch('mail.deliver', { ...payload(), accessToken: 'secret' }, { jobId: 'bad-2' }),
    ).rejects.toThrow(/accessToken/);
    const missingMailId = { tenantId: crypto.randomUUID() } as unknown as JobPayload<'mail.deliver'>;
    await expect(queue.dispatch('mail.deliver', missingMailId, { jobId: 'bad-3' })).rejects.toThrow(/mailId/);

    await sleep(300);
    expect(r.calls).toHaveLength(0);
    expect(r.events).toHaveLength(0);

    // A refused dispatch does not reserve its jobId.
    await queue.dispatch('mail.deliver', payload(), { jobId: 'bad-1' });
    await vi.waitFor(() => expect(r.calls).toHaveLength(1), { timeout: 5_000 });
  });

  it('runs jobs dispatched before work() once work starts', async () => {
    queue = createEmbeddedQueue();
    const r = recorder();
    const first = payload();
    const second = payload();
    await queue.dispatch('mail.deliver', first, { jobId: 'early-1' });
    await queue.dispatch('mail.deliver', second, { jobId: 'early-2' });
    await queue.dispatch('mail.deliver', first, { jobId: 'early-1' });
    await sleep(200);
    expect(r.calls).toHaveLength(0);

    await queue.work(r.handlers, r.onEvent);
    await vi.waitFor(() => expect(r.calls).toHaveLength(2), { timeout: 5_000 });
    await sleep(300);
    expect(r.calls.map((c) => c.payload.mailId).sort()).toEqual([first.mailId, second.mailId].sort());
  });

  it('honours delayMs', async () => {
    queue = createEmbeddedQueue();
    const r = recorder();
    await queue.work(r.handlers, r.onEvent);
    await queue.dispatch('mail.deliver', payload(), { jobId: 'later', delayMs: 1_000 });
    await sleep(300);
    expect(r.calls).toHaveLength(0);
    await vi.waitFor(() => expect(r.calls).toHaveLength(1), { timeout: 5_000 });
  });

  it('close() stops pending retries and delayed jobs, and refuses new dispatches', async () => {
    queue = createEmbeddedQueue();
    const r = recorder(async () => {
      throw new Error('smtp down');
    });
    await queue.work(r.handlers, r.onEvent);
    await queue.dispatch('mail.deliver', payload(), { jobId: 'retrying' });
    await queue.dispatch('mail.deliver', payload(), { jobId: 'delayed', delayMs: 500 });
    await vi.waitFor(() => expect(r.events).toHaveLength(1), { timeout: 5_000 });
    expect(r.events[0]).toMatchObject({ jobId: 'retrying', final: false });

    await queue.close();
    // Past the delayed job's time and the first retry's backoff (1 s): nothing else ran.
    await sleep(1_800);
    expect(r.calls).toHaveLength(1);
    await expect(queue.dispatch('mail.deliver', payload(), { jobId: 'after-close' })).rejects.toThrow(
      /closed/,
    );
  });

  it('close() during a failing attempt leaves no retry scheduled, so the process can exit', async () => {
    // Fake timers only to count what is left scheduled; nothing here waits on time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      queue = createEmbeddedQueue();
      let fail!: (err: Error) => void;
      const r = recorder(
        () =>
          new Promise<void>((_, reject) => {
            fail = reject;
          }),
      );
      await queue.work(r.handlers, r.onEvent);
      await queue.dispatch('mail.deliver', payload(), { jobId: 'failing-at-close' });
      await vi.advanceTimersByTimeAsync(0);
      expect(r.calls).toHaveLength(1);

      const closing = queue.close();
      fail(new Error('smtp down'));
      await closing;
      // A retry timer armed after close() never runs, yet keeps the process alive for up to a
      // minute (the last backoff).
      expect(vi.getTimerCount()).toBe(0);
      // Interrupted, not dead: no dead letter; the sweeper re-dispatches it after the restart.
      expect(r.events).toEqual([expect.objectContaining({ type: 'failed', final: false })]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('close() waits for a running job to finish', async () => {
    queue = createEmbeddedQueue();
    let finished = false;
    const r = recorder(async () => {
      await sleep(500);
      finished = true;
    });
    await queue.work(r.handlers, r.onEvent);
    await queue.dispatch('mail.deliver', payload(), { jobId: 'slow' });
    await vi.waitFor(() => expect(r.calls).toHaveLength(1), { timeout: 5_000 });

    await queue.close();
    expect(finished).toBe(true);
    expect(r.events).toEqual([expect.objectContaining({ type: 'completed', jobId: 'slow' })]);
  });
});
