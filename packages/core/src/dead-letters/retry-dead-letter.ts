import {
  type DeadLetterRow,
  deleteDeadLetters,
  findDeadLetter,
  insertDeadLetter,
  requeueFailedMail,
  resetDeadCrmWork,
  resetFailedOutboundMessage,
  resetInboundEvent,
  type Tx,
  withTenant,
} from '@replyforce/db';
import { isJobName, JOBS, type JobName, type JobPayload } from '@replyforce/queue';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

type Runnable = { jobName: JobName; payload: JobPayload<JobName>; entityId: string };

/** The job as the catalogue knows it today; a dead letter it no longer accepts can only be deleted. */
function runnable(row: DeadLetterRow, tenantId: string): Runnable {
  const refuse = (why: string) =>
    new AppError('CONFLICT', `This dead letter cannot be retried (${why}); delete it instead`);
  if (!isJobName(row.jobName)) throw refuse(`unknown job ${row.jobName}`);
  const schema = JOBS[row.jobName].payload as z.ZodType<JobPayload<JobName>>;
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw refuse(`its payload no longer fits ${row.jobName}`);
  if (parsed.data.tenantId !== tenantId) throw refuse('it belongs to another workspace');
  const entityId = Object.entries(row.payload).find(([k]) => k !== 'tenantId')?.[1] ?? row.id;
  return { jobName: row.jobName, payload: parsed.data, entityId };
}

/** Puts the job's entity back in the state its handler works from (handlers skip finished work). */
async function resetEntity(tx: Tx, tenantId: string, job: Runnable): Promise<boolean> {
  switch (job.jobName) {
    case 'outbound.send':
      return resetFailedOutboundMessage(tx, tenantId, job.entityId);
    case 'inbound.process':
      return resetInboundEvent(tx, tenantId, job.entityId);
    case 'mail.deliver':
      return requeueFailedMail(tx, tenantId, job.entityId);
    case 'crm.sync':
      return resetDeadCrmWork(tx, tenantId, job.entityId);
    default:
      return false;
  }
}

/**
 * Runs a dead job again: its entity is reset and the dead letter removed in one transaction, then
 * the job is dispatched under a fresh id. Should the queue refuse it, the dead letter comes back.
 */
export async function retryDeadLetter(deps: CoreDeps, actor: Actor, id: string): Promise<{ jobId: string }> {
  const { tenantId } = actor;
  const { row, job } = await withTenant(deps.db, tenantId, async (tx) => {
    const row = await findDeadLetter(tx, tenantId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such dead letter');
    const job = runnable(row, tenantId);
    // Deleting first claims the row: of two concurrent retries, the second finds nothing.
    if ((await deleteDeadLetters(tx, tenantId, { id })) === 0) {
      throw new AppError('NOT_FOUND', 'No such dead letter');
    }
    const reset = await resetEntity(tx, tenantId, job);
    await recordAudit(tx, actor, {
      action: 'dead_letter.retried',
      resourceType: 'dead_letter',
      resourceId: id,
      result: 'success',
      metadata: { queue: row.queue, jobName: row.jobName, entityId: job.entityId, reset },
    });
    return { row, job };
  });

  const jobId = `${job.jobName.replace('.', '-')}-${job.entityId}-r${Date.now()}`;
  try {
    await deps.queue.dispatch(job.jobName, job.payload, { jobId });
  } catch (err) {
    await withTenant(deps.db, tenantId, async (tx) => {
      await insertDeadLetter(tx, row);
      await recordAudit(tx, actor, {
        action: 'dead_letter.retried',
        resourceType: 'dead_letter',
        resourceId: id,
        result: 'failure',
        metadata: { queue: row.queue, jobName: row.jobName, error: String(err).slice(0, 500) },
      });
    });
    throw new AppError('SERVICE_UNAVAILABLE', 'The job queue did not take the job; the dead letter is kept');
  }
  return { jobId };
}
