import { listDueCrmWork, withSystem } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/** Connections started per pass; the rest wait for the next one (a pass every couple of seconds). */
const PER_PASS = 500;

/**
 * The CRM dispatcher, run by the scheduler every CRM_DISPATCH_INTERVAL_MS: one crm.sync job per
 * active connection that has due work and no job on it, addressed by its oldest due lead. The
 * syncs themselves are durable rows, so this is also the sweeper: a lost job's work is found
 * again once its lease lapses. Job ids change each interval: a finished job's id stays taken in
 * BullMQ for a while and would swallow the next dispatch.
 */
export async function dispatchDueCrmSyncs(deps: CoreDeps): Promise<number> {
  const due = await withSystem(deps.db, (tx) => listDueCrmWork(tx, PER_PASS));
  if (due.length === 0) return 0;
  const slot = Math.floor(Date.now() / deps.config.crm.dispatchIntervalMs);
  await deps.queue.dispatchMany(
    'crm.sync',
    due.map((d) => ({
      payload: { tenantId: d.tenantId, leadId: d.leadId },
      opts: { jobId: `crm-sync-${d.leadId}-${slot}` },
    })),
  );
  return due.length;
}

/** Sends a lead's sync job now (after a forced sync or a retry), rather than at the next pass. */
export async function dispatchCrmSync(deps: CoreDeps, tenantId: string, leadId: string): Promise<void> {
  await deps.queue.dispatch('crm.sync', { tenantId, leadId }, { jobId: `crm-sync-${leadId}-${Date.now()}` });
}
