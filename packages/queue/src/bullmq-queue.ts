import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { backoffFor, JOBS, type JobHandlers, type JobName, PermanentJobError } from './catalogue.ts';
import type { DispatchOptions, JobEvent, JobQueue } from './job-queue.ts';

/**
 * BullMQ on Redis: any number of API processes dispatch, any number of workers consume.
 * Queue names carry a hash tag so that one queue's keys stay on one Redis Cluster slot.
 */
export function createBullmqQueue(redisUrl: string, opts: { prefix?: string } = {}): JobQueue {
  const prefix = opts.prefix ?? 'rf';
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on('error', () => {}); // reported through ping() and job failures, not as a crash
  const queues = new Map<JobName, Queue>();
  const workers: Worker[] = [];
  // BullMQ does not close connections it was handed, so each one made here is closed here.
  const workerConnections: Redis[] = [];

  const queueName = (name: JobName) => `{${name}}`;
  function queueFor(name: JobName): Queue {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(queueName(name), { connection, prefix });
      queues.set(name, q);
    }
    return q;
  }

  return {
    kind: 'bullmq',
    async dispatch(name, payload, o: DispatchOptions) {
      const parsed = JOBS[name].payload.parse(payload);
      await queueFor(name).add(name, parsed, {
        jobId: o.jobId,
        delay: o.delayMs,
        attempts: JOBS[name].attempts,
        backoff: { type: 'replyforce' },
        removeOnComplete: { age: 3600, count: 1000 },
        // A failed job is dropped so its id is free: the sweeper re-dispatches from the database
        // whatever is still unfinished, and a kept id would make that add a silent no-op.
        removeOnFail: true,
      });
    },
    async work(handlers: JobHandlers, onEvent?: (e: JobEvent) => void) {
      for (const name of Object.keys(JOBS) as JobName[]) {
        const spec = JOBS[name];
        const workerConnection = connection.duplicate();
        workerConnections.push(workerConnection);
        const worker = new Worker(
          queueName(name),
          async (job) => {
            const attempt = job.attemptsMade + 1;
            const handler = handlers[name] as (
              p: unknown,
              c: { attempt: number; final: boolean },
            ) => Promise<void>;
            try {
              await handler(spec.payload.parse(job.data), { attempt, final: attempt >= spec.attempts });
            } catch (err) {
              if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
              throw err;
            }
          },
          {
            connection: workerConnection,
            prefix,
            concurrency: spec.concurrency,
            settings: { backoffStrategy: (attemptsMade: number) => backoffFor(name, attemptsMade) },
          },
        );
        worker.on('error', () => {});
        worker.on('completed', (job) =>
          onEvent?.({ type: 'completed', name, jobId: job.id ?? '', attempt: job.attemptsMade }),
        );
        worker.on('failed', (job, err) => {
          if (!job) return;
          const final = job.attemptsMade >= spec.attempts || err instanceof UnrecoverableError;
          onEvent?.({
            type: 'failed',
            name,
            jobId: job.id ?? '',
            attempt: job.attemptsMade,
            final,
            error: err.message,
          });
        });
        workers.push(worker);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
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
