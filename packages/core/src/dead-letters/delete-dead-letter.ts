import { deleteDeadLetters, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

/** Drops one dead letter without running it again. */
export async function deleteDeadLetter(
  deps: CoreDeps,
  actor: Actor,
  id: string,
): Promise<{ purged: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const purged = await deleteDeadLetters(tx, actor.tenantId, { id });
    if (purged === 0) throw new AppError('NOT_FOUND', 'No such dead letter');
    await recordAudit(tx, actor, {
      action: 'dead_letter.deleted',
      resourceType: 'dead_letter',
      resourceId: id,
      result: 'success',
    });
    return { purged };
  });
}
