import { backoffFor, concurrencyOf, JOBS, type JobName, QUEUES, type QueueName } from './catalogue.ts';
import { MAX_DEFERRALS, PermanentJobError, RetryLaterError } from './errors.ts';
import {
  type AnyHandlers,
  checkJobId,
  type DispatchOptions,
  emptyStats,
  type JobEvent,
  type JobQueue,
  queuesToConsume,
} from './job-queue.ts';

type Pending = {
  name: JobName;
  payload: unknown;
  attempt: number;
  deferrals: number;
  state: 'waiting' | 'delayed' | 'active';
};

/**
 * In-process runner for embedded mode: nothing to install, nothing durable. Durability comes from
 * the database rows the jobs point at; the sweeper re-dispatches whatever a restart interrupted.
 * Each queue runs at most its catalogue concurrency at once, as a BullMQ worker would, so a burst of
 * inbound events cannot start hundreds of AI calls together.
 */
export function createEmbeddedQueue(opts: { maxDeferrals?: number } = {}): JobQueue {
  const maxDeferrals = opts.maxDeferrals ?? MAX_DEFERRALS;
  let handlers: AnyHandlers = {};
  let onEvent: ((e: JobEvent) => void) | undefined;
  const consuming = new Set<QueueName>();
  const pending = new Map<string, Pending>();
  const ready = new Map<QueueName, string[]>(QUEUES.map((q) => [q, []]));
  const active = new Map<QueueName, number>(QUEUES.map((q) => [q, 0]));
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;

  function later(jobId: string, job: Pending, delayMs: number): void {
    if (closed) return; // a retry decided after close() would only keep the process alive
    // Even "now" goes through a timer, so dispatch() returns before the handler starts (as with BullMQ).
    job.state = delayMs > 0 ? 'delayed' : 'waiting';
    const timer = setTimeout(() => {
      timers.delete(timer);
      enqueue(jobId, job);
    }, delayMs);
    timers.add(timer);
  }

  function enqueue(jobId: string, job: Pending): void {
    job.state = 'waiting';
    const queue = JOBS[job.name].queue;
    ready.get(queue)?.push(jobId);
    pump(queue);
  }

  function pump(queue: QueueName): void {
    const list = ready.get(queue) ?? [];
    while (!closed && consuming.has(queue) && (active.get(queue) ?? 0) < concurrencyOf(queue)) {
      const jobId = list.shift();
      if (jobId === undefined) return;
      const job = pending.get(jobId);
      if (job?.state !== 'waiting') continue;
      job.state = 'active';
      active.set(queue, (active.get(queue) ?? 0) + 1);
      const p = run(jobId, job).finally(() => {
        running.delete(p);
        active.set(queue, (active.get(queue) ?? 1) - 1);
        pump(queue);
      });
      running.add(p);
    }
  }

  async function run(jobId: string, job: Pending): Promise<void> {
    const spec = JOBS[job.name];
    const final = job.attempt >= spec.attempts;
    try {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`no handler for ${job.name}`); // queuesToConsume rules this out
      await handler(job.payload, { attempt: job.attempt, final });
      pending.delete(jobId);
      onEvent?.({ type: 'completed', name: job.name, jobId, attempt: job.attempt });
    } catch (err) {
      if (err instanceof RetryLaterError && job.deferrals < maxDeferrals && !closed) {
        job.deferrals++;
        onEvent?.({
          type: 'deferred',
          name: job.name,
          jobId,
          attempt: job.attempt,
          delayMs: err.delayMs,
          reason: err.reason,
          deferrals: job.deferrals,
        });
        return later(jobId, job, err.delayMs);
      }
      const error = err instanceof Error ? err.message : String(err);
      // A failure during close() is not final: the job is dropped, not dead, and the sweeper
      // re-dispatches it from the database after the restart.
      const last = final || err instanceof PermanentJobError;
      if (last) {
        pending.delete(jobId);
        const { name, attempt, payload } = job;
        onEvent?.({ type: 'failed', name, jobId, attempt, final: true, error, payload } as JobEvent);
        return;
      }
      onEvent?.({ type: 'failed', name: job.name, jobId, attempt: job.attempt, final: false, error });
      const delay = backoffFor(job.name, job.attempt);
      job.attempt++;
      later(jobId, job, delay);
    }
  }

  return {
    kind: 'embedded',
    async dispatch(name, payload, opts: DispatchOptions) {
      if (closed) throw new Error('queue is closed');
      checkJobId(opts.jobId);
      const parsed = JOBS[name].payload.parse(payload);
      if (pending.has(opts.jobId)) return;
      const job: Pending = { name, payload: parsed, attempt: 1, deferrals: 0, state: 'waiting' };
      pending.set(opts.jobId, job);
      later(opts.jobId, job, opts.delayMs ?? 0);
    },
    async dispatchMany(name, jobs) {
      for (const j of jobs) await this.dispatch(name, j.payload, j.opts);
    },
    async work(h, listener, options) {
      const chosen = queuesToConsume(h as AnyHandlers, options?.queues);
      handlers = { ...handlers, ...(h as AnyHandlers) };
      onEvent = listener;
      for (const q of chosen) consuming.add(q);
      for (const q of chosen) pump(q);
    },
    async stats() {
      const stats = emptyStats();
      for (const job of pending.values()) stats[JOBS[job.name].queue][job.state]++;
      return stats;
    },
    async ping() {},
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
