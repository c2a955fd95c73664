import { deleteDeadLetters, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

/** Drops every dead letter of one queue. */
export async function purgeDeadLetters(
  deps: CoreDeps,
  actor: Actor,
  queue: string,
): Promise<{ purged: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const purged = await deleteDeadLetters(tx, actor.tenantId, { queue });
    await recordAudit(tx, actor, {
      action: 'dead_letter.purged',
      resourceType: 'queue',
      resourceId: queue,
      result: 'success',
      metadata: { purged },
    });
    return { purged };
  });
}
