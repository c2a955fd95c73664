import { type CoreDeps, deliverMail } from '@replyforce/core';
import type { JobEvent } from '@replyforce/queue';
import type { Logger } from 'pino';

/** The worker role: one thin handler per queue, all logic in core. */
export async function startWorkers(deps: CoreDeps, log: Logger): Promise<void> {
  await deps.queue.work(
    {
      'mail.deliver': (payload, ctx) => deliverMail(deps, payload, ctx),
    },
    (e: JobEvent) => {
      if (e.type === 'failed')
        log.warn(
          { job: e.name, jobId: e.jobId, attempt: e.attempt, final: e.final, err: e.error },
          'job failed',
        );
      else log.debug({ job: e.name, jobId: e.jobId }, 'job completed');
    },
  );
}
