import {
  deleteMembership,
  findMembership,
  lockAdmins,
  revokeUserRefreshTokens,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

export async function removeMember(deps: CoreDeps, actor: Actor, userId: string): Promise<void> {
  const { tenantId } = actor;
  await withTenant(deps.db, tenantId, async (tx) => {
    const admins = await lockAdmins(tx, tenantId);
    const member = await findMembership(tx, tenantId, userId, { forUpdate: true });
    if (!member) throw new AppError('NOT_FOUND', 'No such member');
    let refusal: AppError | undefined;
    if (member.isOwner) refusal = new AppError('OWNER_PROTECTED', 'The workspace owner cannot be removed');
    else if (member.role === 'admin' && admins.length <= 1) {
      refusal = new AppError('LAST_ADMIN', 'The last admin cannot be removed');
    }
    if (!refusal) {
      await deleteMembership(tx, tenantId, userId);
      await revokeUserRefreshTokens(tx, tenantId, userId);
    }
    await recordAudit(tx, actor, {
      action: 'team.member_removed',
      resourceType: 'member',
      resourceId: userId,
      result: refusal ? 'failure' : 'success',
      metadata: { role: member.role, ...(refusal ? { reason: refusal.code } : {}) },
    });
    if (refusal) throw refusal;
  });
}
