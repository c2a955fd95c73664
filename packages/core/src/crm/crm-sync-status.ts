import {
  countCrmSyncs,
  findDeadLetter,
  forceCrmSync as forceRows,
  getLead,
  listCrmFailures,
  listDeadLetters,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { toDeadLetterDto } from '../dead-letters/dto.ts';
import { retryDeadLetter } from '../dead-letters/retry-dead-letter.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { dispatchCrmSync } from './dispatch-crm-syncs.ts';

/**
 * The sync queue for the dashboard: the tenant's syncs per status, failures and dead letters. The
 * crm queue's job counts are left out: they are the whole deployment's, not the tenant's.
 */
export async function getCrmSyncStatus(deps: CoreDeps, tenantId: string) {
  const rows = await withTenant(deps.db, tenantId, async (tx) => ({
    counts: await countCrmSyncs(tx, tenantId),
    failures: await listCrmFailures(tx, tenantId, 20),
    dead: await listDeadLetters(tx, tenantId, { queue: 'crm' }, { limit: 50 }),
  }));
  const n = (k: string) => rows.counts[k] ?? 0;
  return {
    counts: {
      pending: n('pending'),
      syncing: n('syncing'),
      synced: n('synced'),
      failed: n('failed'),
      dead: n('dead'),
      erasing: n('erasing'),
    },
    failures: rows.failures.map((f) => ({
      leadId: f.leadId,
      connectionId: f.connectionId,
      vendor: f.vendor,
      status: f.status as 'failed' | 'dead',
      attempts: f.attempts,
      error: f.error,
      errorKind: f.errorKind,
      nextAttemptAt: f.status === 'dead' ? null : f.nextAttemptAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    })),
    deadLetters: rows.dead.map(toDeadLetterDto),
  };
}

/** Syncs a lead now, whatever its state, to every active CRM of the tenant. */
export async function forceCrmSync(
  deps: CoreDeps,
  actor: Actor,
  leadId: string,
): Promise<{ queued: number }> {
  const queued = await withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await getLead(tx, actor.tenantId, leadId))) throw new AppError('NOT_FOUND', 'Lead not found');
    const n = await forceRows(tx, actor.tenantId, leadId);
    if (n === 0) throw new AppError('CONFLICT', 'No CRM is connected and active: connect one first');
    await recordAudit(tx, actor, {
      action: 'crm.sync_forced',
      resourceType: 'lead',
      resourceId: leadId,
      result: 'success',
      metadata: { connections: n },
    });
    return n;
  });
  await dispatchCrmSync(deps, actor.tenantId, leadId).catch(() => {}); // the dispatcher's next pass has it anyway
  return { queued };
}

/** Retries one of the crm queue's dead letters: the lead's given-up work is queued again. */
export async function retryCrmDeadLetter(deps: CoreDeps, actor: Actor, id: string) {
  const row = await withTenant(deps.db, actor.tenantId, (tx) => findDeadLetter(tx, actor.tenantId, id));
  if (row?.queue !== 'crm') throw new AppError('NOT_FOUND', 'No such CRM dead letter');
  return retryDeadLetter(deps, actor, id);
}
