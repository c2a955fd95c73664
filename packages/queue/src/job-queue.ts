import {
  isQueueName,
  type JobHandlers,
  type JobName,
  type JobPayload,
  jobsOfQueue,
  QUEUES,
  type QueueName,
} from './catalogue.ts';

export type DispatchOptions = {
  /** Derived from the entity id, so the same work dispatched twice runs once while pending. */
  jobId: string;
  delayMs?: number;
};

export type WorkOptions<Q extends QueueName = QueueName> = {
  /** Consume only these queues; dispatch still reaches every queue. Default: all of them. */
  queues?: readonly Q[];
};

/** The last failure of a job, with its payload so the caller can write a dead-letter record. */
export type FinalFailureEvent = {
  [N in JobName]: {
    type: 'failed';
    name: N;
    jobId: string;
    attempt: number;
    final: true;
    error: string;
    payload: JobPayload<N>;
  };
}[JobName];

export type JobEvent =
  | { type: 'completed'; name: JobName; jobId: string; attempt: number }
  | { type: 'failed'; name: JobName; jobId: string; attempt: number; final: false; error: string }
  | FinalFailureEvent
  /** A handler threw RetryLaterError: the job runs again after delayMs, same attempt. */
  | {
      type: 'deferred';
      name: JobName;
      jobId: string;
      attempt: number;
      delayMs: number;
      reason: string;
      deferrals: number;
    };

export type QueueCounts = { waiting: number; active: number; delayed: number };
export type QueueStats = Record<QueueName, QueueCounts>;

export interface JobQueue {
  readonly kind: 'embedded' | 'bullmq';
  dispatch<N extends JobName>(name: N, payload: JobPayload<N>, opts: DispatchOptions): Promise<void>;
  /** Several jobs of one name at once (one round trip on Redis). */
  dispatchMany<N extends JobName>(
    name: N,
    jobs: { payload: JobPayload<N>; opts: DispatchOptions }[],
  ): Promise<void>;
  /**
   * Starts consuming (worker role). With `queues`, only those queues, and handlers are needed for
   * their jobs only; without, every queue.
   */
  work<Q extends QueueName = QueueName>(
    handlers: NoInfer<JobHandlers<Q>>,
    onEvent?: (e: JobEvent) => void,
    options?: WorkOptions<Q>,
  ): Promise<void>;
  /** Jobs per queue and state, for metrics and the ops page. */
  stats(): Promise<QueueStats>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Any handler map, as the drivers see it once the types have done their work. */
export type AnyHandlers = Partial<
  Record<JobName, (payload: unknown, ctx: { attempt: number; final: boolean }) => Promise<void>>
>;

/**
 * The queues a work() call consumes. Chosen queues must have every handler (a misconfigured worker
 * fails at boot, not per job). Without a choice the types demand every handler; should one still
 * be missing at run time, its queue is left to a worker that has it instead of failing its jobs.
 */
export function queuesToConsume(handlers: AnyHandlers, queues: readonly string[] | undefined): QueueName[] {
  const covered = (q: QueueName) => jobsOfQueue(q).filter((n) => typeof handlers[n] !== 'function');
  if (!queues) return QUEUES.filter((q) => covered(q).length === 0);
  const chosen = [...new Set(queues)];
  for (const q of chosen) {
    if (!isQueueName(q)) throw new Error(`Unknown queue '${q}'. Queues: ${QUEUES.join(', ')}`);
    const missing = covered(q);
    if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')} (queue ${q})`);
  }
  return chosen as QueueName[];
}

/** BullMQ's rules for custom ids, enforced by both drivers so embedded mode catches a bad id too. */
export function checkJobId(jobId: string): void {
  if (jobId === '' || jobId.includes(':') || /^\d+$/.test(jobId))
    throw new Error(`Invalid job id '${jobId}': it must be non-empty, not an integer and contain no ':'`);
}

export function emptyStats(): QueueStats {
  return Object.fromEntries(QUEUES.map((q) => [q, { waiting: 0, active: 0, delayed: 0 }])) as QueueStats;
}
