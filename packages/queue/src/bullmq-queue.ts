import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  backoffFor,
  concurrencyOf,
  isJobName,
  JOBS,
  type JobName,
  jobsOfQueue,
  QUEUES,
  type QueueName,
} from './catalogue.ts';
import { MAX_DEFERRALS, PermanentJobError, RetryLaterError } from './errors.ts';
import {
  type AnyHandlers,
  checkJobId,
  type DispatchOptions,
  type JobEvent,
  type JobQueue,
  type QueueStats,
  queuesToConsume,
} from './job-queue.ts';

/**
 * Deferrals so far: every start either fails (attemptsMade + 1), stalls (stalledCounter + 1),
 * is deferred (moveToDelayed skips the attempt) or is the current one.
 */
const deferralsOf = (job: Job) => job.attemptsStarted - job.attemptsMade - job.stalledCounter - 1;

/**
 * BullMQ on Redis: any number of API processes dispatch, any number of workers consume. One BullMQ
 * queue per logical queue, job name = catalogue name. Queue names carry a hash tag so that one
 * queue's keys stay on one Redis Cluster slot.
 */
export function createBullmqQueue(
  redisUrl: string,
  opts: { prefix?: string; maxDeferrals?: number } = {},
): JobQueue {
  const prefix = opts.prefix ?? 'rf';
  const maxDeferrals = opts.maxDeferrals ?? MAX_DEFERRALS;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on('error', () => {}); // reported through ping() and job failures, not as a crash
  const queues = new Map<QueueName, Queue>();
  const workers: Worker[] = [];
  // BullMQ does not close connections it was handed, so each one made here is closed here.
  const workerConnections: Redis[] = [];

  const bullName = (queue: QueueName) => `{${queue}}`;
  function queueFor(queue: QueueName): Queue {
    let q = queues.get(queue);
    if (!q) {
      q = new Queue(bullName(queue), { connection, prefix });
      queues.set(queue, q);
    }
    return q;
  }

  function startWorker(queue: QueueName, handlers: AnyHandlers, onEvent?: (e: JobEvent) => void): Worker {
    const workerConnection = connection.duplicate();
    workerConnections.push(workerConnection);
    const worker = new Worker(
      bullName(queue),
      async (job, token) => {
        if (!isJobName(job.name) || JOBS[job.name].queue !== queue)
          throw new UnrecoverableError(`unknown job '${job.name}' in queue ${queue}`);
        const name = job.name;
        const spec = JOBS[name];
        const attempt = job.attemptsMade + 1;
        const handler = handlers[name];
        if (!handler) throw new Error(`no handler for ${name}`); // queuesToConsume rules this out
        try {
          await handler(spec.payload.parse(job.data), { attempt, final: attempt >= spec.attempts });
        } catch (err) {
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          const deferrals = deferralsOf(job);
          if (err instanceof RetryLaterError && deferrals < maxDeferrals) {
            // BullMQ's documented way to delay an active job without counting an attempt.
            await job.moveToDelayed(Date.now() + err.delayMs, token);
            onEvent?.({
              type: 'deferred',
              name,
              jobId: job.id ?? '',
              attempt,
              delayMs: err.delayMs,
              reason: err.reason,
              deferrals: deferrals + 1,
            });
            throw new DelayedError();
          }
          throw err;
        }
      },
      {
        connection: workerConnection,
        prefix,
        concurrency: concurrencyOf(queue),
        // A killed worker's jobs come back once their lock lapses and the stalled check runs:
        // 15 s and every 5 s bring them back within ~20 s (BullMQ's 30 s + 30 s took a minute).
        // Locks are renewed every lockDuration / 2, so a long job is not taken for stalled.
        lockDuration: 15_000,
        stalledInterval: 5_000,
        settings: {
          backoffStrategy: (attemptsMade: number, _type?: string, _err?: Error, job?: { name: string }) =>
            job && isJobName(job.name) ? backoffFor(job.name, attemptsMade) : 1_000,
        },
      },
    );
    worker.on('error', () => {});
    worker.on('completed', (job) => {
      if (isJobName(job.name))
        onEvent?.({ type: 'completed', name: job.name, jobId: job.id ?? '', attempt: job.attemptsMade });
    });
    worker.on('failed', (job, err) => {
      if (!job || !isJobName(job.name)) return;
      const name: JobName = job.name;
      const base = { type: 'failed' as const, name, jobId: job.id ?? '', attempt: job.attemptsMade };
      const final = job.attemptsMade >= JOBS[name].attempts || err instanceof UnrecoverableError;
      if (final) onEvent?.({ ...base, final: true, error: err.message, payload: job.data } as JobEvent);
      else onEvent?.({ ...base, final: false, error: err.message });
    });
    return worker;
  }

  function jobOptions(name: JobName, o: DispatchOptions) {
    return {
      jobId: o.jobId,
      delay: o.delayMs,
      attempts: JOBS[name].attempts,
      backoff: { type: 'replyforce' },
      removeOnComplete: { age: 3600, count: 1000 },
      // A failed job is dropped so its id is free: the sweeper re-dispatches from the database
      // whatever is still unfinished, and a kept id would make that add a silent no-op.
      removeOnFail: true,
    };
  }

  return {
    kind: 'bullmq',
    async dispatch(name, payload, o: DispatchOptions) {
      checkJobId(o.jobId);
      const spec = JOBS[name];
      await queueFor(spec.queue).add(name, spec.payload.parse(payload), jobOptions(name, o));
    },
    async dispatchMany(name, jobs) {
      if (jobs.length === 0) return;
      const spec = JOBS[name];
      for (const j of jobs) checkJobId(j.opts.jobId);
      // One round trip for the whole batch (the webhook receiver's hot path).
      await queueFor(spec.queue).addBulk(
        jobs.map((j) => ({ name, data: spec.payload.parse(j.payload), opts: jobOptions(name, j.opts) })),
      );
    },
    async work(handlers, onEvent, options) {
      const chosen = queuesToConsume(handlers as AnyHandlers, options?.queues);
      const started = chosen
        .filter((q) => jobsOfQueue(q).length > 0)
        .map((q) => startWorker(q, handlers as AnyHandlers, onEvent));
      workers.push(...started);
      await Promise.all(started.map((w) => w.waitUntilReady()));
    },
    async stats() {
      const entries = await Promise.all(
        QUEUES.map(async (q) => {
          const c = await queueFor(q).getJobCounts('waiting', 'active', 'delayed');
          return [q, { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0 }] as const;
        }),
      );
      return Object.fromEntries(entries) as QueueStats;
    },
    async ping() {
      await connection.ping();
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      await Promise.allSettled([connection, ...workerConnections].map((c) => c.quit()));
    },
  };
}
