import type { MemberDto, Role } from '@replyforce/contracts';
import {
  findMembership,
  listMembers,
  lockAdmins,
  revokeUserRefreshTokens,
  updateMembershipRole,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';

export async function changeMemberRole(
  deps: CoreDeps,
  actor: Actor,
  p: { userId: string; role: Role },
): Promise<MemberDto> {
  const { tenantId } = actor;
  return withTenant(deps.db, tenantId, async (tx) => {
    const admins = await lockAdmins(tx, tenantId);
    const member = await findMembership(tx, tenantId, p.userId, { forUpdate: true });
    if (!member) throw new AppError('NOT_FOUND', 'No such member');
    const deny = async (code: 'OWNER_PROTECTED' | 'LAST_ADMIN', message: string) => {
      await recordAudit(tx, actor, {
        action: 'team.role_changed',
        resourceType: 'member',
        resourceId: p.userId,
        result: 'failure',
        metadata: { from: member.role, to: p.role, reason: code },
      });
      return new AppError(code, message);
    };
    if (member.role !== p.role) {
      if (member.isOwner) throw await deny('OWNER_PROTECTED', "The workspace owner's role cannot be changed");
      if (member.role === 'admin' && admins.length <= 1) {
        throw await deny('LAST_ADMIN', 'The last admin cannot be demoted; make someone else admin first');
      }
      await updateMembershipRole(tx, tenantId, p.userId, p.role);
      // Sessions carry the role; ending them makes the change visible on every device now.
      await revokeUserRefreshTokens(tx, tenantId, p.userId);
      await recordAudit(tx, actor, {
        action: 'team.role_changed',
        resourceType: 'member',
        resourceId: p.userId,
        result: 'success',
        metadata: { from: member.role, to: p.role },
      });
    }
    const updated = (await listMembers(tx, tenantId)).find((m) => m.userId === p.userId)!;
    return { ...updated, joinedAt: updated.joinedAt.toISOString() };
  });
}
