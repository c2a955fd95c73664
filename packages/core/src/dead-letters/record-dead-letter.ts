import { insertDeadLetter, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/** Longest error text kept: enough for a stack's first lines, not a whole response body. */
const MAX_ERROR = 4000;

/**
 * A job failed for good: the worker records it here so an admin can inspect, retry or purge it.
 * The payload holds ids only (job payloads never carry secrets).
 */
export async function recordDeadLetter(
  deps: CoreDeps,
  p: {
    tenantId: string;
    queue: string;
    jobName: string;
    payload: Record<string, string>;
    error: string;
    attempts: number;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  await withTenant(deps.db, p.tenantId, (tx) =>
    insertDeadLetter(tx, {
      id,
      tenantId: p.tenantId,
      queue: p.queue,
      jobName: p.jobName,
      payload: p.payload,
      error: p.error.slice(0, MAX_ERROR),
      attempts: p.attempts,
      // A JS time (milliseconds) rather than now() (microseconds on PostgreSQL): the list cursor
      // carries milliseconds, so a stored value it can represent exactly pages without gaps.
      failedAt: new Date(),
    }),
  );
  return id;
}
