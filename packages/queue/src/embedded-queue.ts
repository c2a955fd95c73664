import { backoffFor, JOBS, type JobHandlers, type JobName, PermanentJobError } from './catalogue.ts';
import type { DispatchOptions, JobEvent, JobQueue } from './job-queue.ts';

type Pending = { name: JobName; payload: unknown; attempt: number };

/**
 * In-process runner for embedded mode: nothing to install, nothing durable. Durability comes from
 * the database rows the jobs point at; the sweeper re-dispatches whatever a restart interrupted.
 */
export function createEmbeddedQueue(): JobQueue {
  let handlers: JobHandlers | undefined;
  let onEvent: ((e: JobEvent) => void) | undefined;
  const pending = new Map<string, Pending>();
  const backlog: { jobId: string; delayMs: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;

  function schedule(jobId: string, delayMs: number): void {
    if (closed) return; // a retry decided after close() would only keep the process alive
    const timer = setTimeout(() => {
      timers.delete(timer);
      const p = run(jobId).finally(() => running.delete(p));
      running.add(p);
    }, delayMs);
    timers.add(timer);
  }

  async function run(jobId: string): Promise<void> {
    const job = pending.get(jobId);
    if (!job || !handlers || closed) return;
    const spec = JOBS[job.name];
    const final = job.attempt >= spec.attempts;
    try {
      const handler = handlers[job.name] as (
        p: unknown,
        c: { attempt: number; final: boolean },
      ) => Promise<void>;
      await handler(job.payload, { attempt: job.attempt, final });
      pending.delete(jobId);
      onEvent?.({ type: 'completed', name: job.name, jobId, attempt: job.attempt });
    } catch (err) {
      const permanent = err instanceof PermanentJobError;
      const last = final || permanent || closed;
      onEvent?.({
        type: 'failed',
        name: job.name,
        jobId,
        attempt: job.attempt,
        final: last,
        error: err instanceof Error ? err.message : String(err),
      });
      if (last) {
        pending.delete(jobId);
        return;
      }
      const delay = backoffFor(job.name, job.attempt);
      job.attempt++;
      schedule(jobId, delay);
    }
  }

  return {
    kind: 'embedded',
    async dispatch(name, payload, opts: DispatchOptions) {
      if (closed) throw new Error('queue is closed');
      const parsed = JOBS[name].payload.parse(payload);
      if (pending.has(opts.jobId)) return;
      pending.set(opts.jobId, { name, payload: parsed, attempt: 1 });
      if (handlers) schedule(opts.jobId, opts.delayMs ?? 0);
      else backlog.push({ jobId: opts.jobId, delayMs: opts.delayMs ?? 0 });
    },
    async work(h, listener) {
      handlers = h;
      onEvent = listener;
      for (const { jobId, delayMs } of backlog.splice(0)) schedule(jobId, delayMs);
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
