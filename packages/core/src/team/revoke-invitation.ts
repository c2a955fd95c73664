import { revokeInvitation as revokeRow, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

export async function revokeInvitation(deps: CoreDeps, actor: Actor, invitationId: string): Promise<void> {
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await revokeRow(tx, actor.tenantId, invitationId))) {
      throw new AppError('NOT_FOUND', 'No pending invitation with this id');
    }
    await recordAudit(tx, actor, {
      action: 'team.invitation_revoked',
      resourceType: 'invitation',
      resourceId: invitationId,
      result: 'success',
    });
  });
}
