import { insertDeadLetter, type Tx } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/**
 * When a sync that has now failed `failures` times runs again (seed 001 §4.4: 5 s, 15 s, 45 s,
 * 135 s, 405 s), or null once the retries are spent and it goes to the dead-letter queue.
 */
export function retryAt(deps: CoreDeps, failures: number): Date | null {
  const delay = deps.config.crm.retryDelaysMs[failures - 1];
  return delay === undefined ? null : new Date(Date.now() + delay);
}

/** The attempts a sync gets in all: the first one and one per retry delay. */
export function crmAttempts(deps: CoreDeps): number {
  return deps.config.crm.retryDelaysMs.length + 1;
}

/**
 * A lead's CRM work given up on becomes a dead letter of the crm queue, in the transaction that
 * marks it dead. Its payload is the crm.sync job's, so a retry (here or from the generic
 * dead-letter page) runs the lead's sync again.
 */
export async function deadLetterCrmWork(
  tx: Tx,
  tenantId: string,
  p: { leadId: string; error: string; attempts: number },
): Promise<void> {
  await insertDeadLetter(tx, {
    id: crypto.randomUUID(),
    tenantId,
    queue: 'crm',
    jobName: 'crm.sync',
    payload: { tenantId, leadId: p.leadId },
    error: p.error.slice(0, 4000),
    attempts: p.attempts,
    failedAt: new Date(),
  });
}
