import { findMembership, withTenantUser } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { type IssuedSession, issueSessionIn } from './issue-session.ts';
import { logout } from './logout.ts';

/** A new session in another workspace of the same user; the current one is ended. */
export async function switchTenant(
  deps: CoreDeps,
  actor: Actor,
  targetTenantId: string,
  currentRefreshToken: string | undefined,
): Promise<IssuedSession> {
  const issued = await withTenantUser(deps.db, targetTenantId, actor.userId, async (tx) => {
    const membership = await findMembership(tx, targetTenantId, actor.userId);
    // Another tenant's id is indistinguishable from one that does not exist.
    if (!membership) throw new AppError('NOT_FOUND', 'No such workspace');
    await recordAudit(
      tx,
      {
        tenantId: targetTenantId,
        userId: actor.userId,
        role: membership.role,
        email: actor.email,
        ip: actor.ip,
      },
      {
        action: 'auth.switch_tenant',
        resourceType: 'tenant',
        resourceId: targetTenantId,
        result: 'success',
        metadata: { from: actor.tenantId },
      },
    );
    return issueSessionIn(tx, deps, {
      tenantId: targetTenantId,
      userId: actor.userId,
      role: membership.role,
    });
  });
  if (currentRefreshToken) await logout(deps, currentRefreshToken, { ip: actor.ip });
  return issued;
}
