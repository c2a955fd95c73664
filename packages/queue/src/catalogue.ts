import { z } from 'zod';

/**
 * Every job the platform runs. A payload carries ids only, never data or secrets: the handler
 * re-reads durable state and returns early when the work is already done.
 */
export const JOBS = {
  'mail.deliver': {
    payload: z.strictObject({ tenantId: z.uuid(), mailId: z.uuid() }),
    attempts: 5,
    // Delays before retries 1..4.
    backoffMs: [1_000, 5_000, 15_000, 60_000],
    concurrency: 5,
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export type JobHandler<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: { attempt: number; final: boolean },
) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export function backoffFor(name: JobName, attempt: number): number {
  const delays: readonly number[] = JOBS[name].backoffMs;
  return delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000;
}

/** Thrown by a handler when retrying cannot help (the job goes straight to failed). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
