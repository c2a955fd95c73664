import { z } from 'zod';

/** Logical queues: workers scale per queue (`replyforce worker --queues inbound,ai`). */
export const QUEUES = ['mail', 'inbound', 'ai', 'outbound', 'crm', 'scheduled'] as const;
export type QueueName = (typeof QUEUES)[number];

type JobSpec = {
  payload: z.ZodType;
  queue: QueueName;
  attempts: number;
  /** Delays before retries 1..attempts-1. */
  backoffMs: readonly number[];
  concurrency: number;
};

/**
 * Every job the platform runs. A payload carries ids only, never data or secrets: the handler
 * re-reads durable state and returns early when the work is already done. Figures for the pipeline
 * queues follow seed 001 §4.4 ("retries" there are attempts - 1).
 */
export const JOBS = {
  'mail.deliver': {
    payload: z.strictObject({ tenantId: z.uuid(), mailId: z.uuid() }),
    queue: 'mail',
    attempts: 5,
    backoffMs: [1_000, 5_000, 15_000, 60_000],
    concurrency: 5,
  },
  'inbound.process': {
    payload: z.strictObject({ tenantId: z.uuid(), eventId: z.uuid() }),
    queue: 'inbound',
    attempts: 4,
    backoffMs: [1_000, 4_000, 16_000],
    concurrency: 20,
  },
  /**
   * Echoes and delivery receipts of one tenant, many per job: they only confirm what is already
   * stored, and settling a batch in one transaction costs a fraction of a job each. Anything the
   * batch cannot settle goes back to `inbound.process` one by one.
   */
  'inbound.receipts': {
    payload: z.strictObject({ tenantId: z.uuid(), eventIds: z.array(z.uuid()).min(1).max(500) }),
    queue: 'inbound',
    attempts: 4,
    backoffMs: [1_000, 4_000, 16_000],
    concurrency: 20,
  },
  'ai.process': {
    payload: z.strictObject({ tenantId: z.uuid(), messageId: z.uuid() }),
    queue: 'ai',
    attempts: 3,
    backoffMs: [2_000, 8_000],
    // Bounded by the LLM providers' rate limits more than by CPU.
    concurrency: 10,
  },
  'outbound.send': {
    payload: z.strictObject({ tenantId: z.uuid(), messageId: z.uuid() }),
    queue: 'outbound',
    attempts: 6,
    backoffMs: [1_000, 2_000, 4_000, 8_000, 16_000],
    concurrency: 15,
  },
  'crm.sync': {
    payload: z.strictObject({ tenantId: z.uuid(), leadId: z.uuid() }),
    queue: 'crm',
    attempts: 6,
    backoffMs: [5_000, 15_000, 45_000, 135_000, 405_000],
    concurrency: 5,
  },
  'scheduled.run': {
    payload: z.strictObject({ tenantId: z.uuid(), scheduleId: z.uuid() }),
    queue: 'scheduled',
    attempts: 3,
    backoffMs: [5_000, 30_000],
    concurrency: 5,
  },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export type JobHandler<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: { attempt: number; final: boolean },
) => Promise<void>;
/** The jobs of queues Q. */
export type JobOfQueue<Q extends QueueName> = {
  [N in JobName]: (typeof JOBS)[N]['queue'] extends Q ? N : never;
}[JobName];
/** Handlers for every job of queues Q (all queues by default). */
export type JobHandlers<Q extends QueueName = QueueName> = { [N in JobOfQueue<Q>]: JobHandler<N> };

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function jobsOfQueue<Q extends QueueName>(queue: Q): JobOfQueue<Q>[] {
  return JOB_NAMES.filter((n) => JOBS[n].queue === queue) as JobOfQueue<Q>[];
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

export function isQueueName(name: string): name is QueueName {
  return (QUEUES as readonly string[]).includes(name);
}

/** How many jobs of a queue one worker process runs at once: its most demanding job decides. */
export function concurrencyOf(queue: QueueName): number {
  return Math.max(1, ...jobsOfQueue(queue).map((n) => JOBS[n].concurrency));
}

/** The delay before the retry that follows failed attempt number `attempt` (1-based). */
export function backoffFor(name: JobName, attempt: number): number {
  const delays: readonly number[] = JOBS[name].backoffMs;
  return delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000;
}

/**
 * Parses `--queues inbound,ai`. An unknown name is refused rather than ignored: a typo would
 * otherwise start a worker that silently consumes nothing.
 */
export function parseQueueList(list: string): QueueName[] {
  const names = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = names.filter((n) => !isQueueName(n));
  if (unknown.length > 0)
    throw new Error(`Unknown queue(s): ${unknown.join(', ')}. Queues: ${QUEUES.join(', ')}`);
  if (names.length === 0) throw new Error(`No queue given. Queues: ${QUEUES.join(', ')}`);
  return names as QueueName[];
}
