import {
  type CoreDeps,
  decideReply,
  deliverMail,
  processInboundEvent,
  processReceipts,
  recordDeadLetter,
  runCrmSync,
  sendMessage,
} from '@replyforce/core';
import { JOBS, type JobEvent, type QueueName } from '@replyforce/queue';
import type { Logger } from 'pino';

/**
 * Queues this build has handlers for. scheduled jobs arrive with marketing automation; until then
 * nothing dispatches them and no worker consumes them.
 */
export const WORKER_QUEUES = [
  'inbound',
  'ai',
  'outbound',
  'mail',
  'crm',
] as const satisfies readonly QueueName[];
export type WorkerQueue = (typeof WORKER_QUEUES)[number];

/** The worker role: one thin handler per job, all logic in core; final failures become dead letters. */
export async function startWorkers(
  deps: CoreDeps,
  log: Logger,
  queues: readonly WorkerQueue[] = WORKER_QUEUES,
): Promise<void> {
  await deps.queue.work<WorkerQueue>(
    {
      'inbound.process': (payload, ctx) => processInboundEvent(deps, payload, ctx),
      'inbound.receipts': (payload) => processReceipts(deps, payload),
      'ai.process': (payload, ctx) => decideReply(deps, payload, ctx),
      'outbound.send': (payload, ctx) => sendMessage(deps, payload, ctx),
      'mail.deliver': (payload, ctx) => deliverMail(deps, payload, ctx),
      // The vendor connectors load on the first crm job (core imports them lazily).
      'crm.sync': (payload) => runCrmSync(deps, payload),
    },
    (e: JobEvent) => {
      if (e.type === 'failed' && e.final) {
        log.error({ job: e.name, jobId: e.jobId, attempt: e.attempt, err: e.error }, 'job failed for good');
        recordDeadLetter(deps, {
          tenantId: e.payload.tenantId,
          queue: JOBS[e.name].queue,
          jobName: e.name,
          payload: e.payload as Record<string, string>,
          error: e.error,
          attempts: e.attempt,
        }).catch((err) => log.error({ err, jobId: e.jobId }, 'could not record a dead letter'));
      } else if (e.type === 'failed') {
        log.warn({ job: e.name, jobId: e.jobId, attempt: e.attempt, err: e.error }, 'job failed, will retry');
      } else if (e.type === 'deferred') {
        log.debug({ job: e.name, jobId: e.jobId, delayMs: e.delayMs, reason: e.reason }, 'job deferred');
      } else log.debug({ job: e.name, jobId: e.jobId }, 'job completed');
    },
    { queues },
  );
}
