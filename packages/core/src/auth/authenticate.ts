import type { MeDto } from '@replyforce/contracts';
import { ROLE_PERMISSIONS } from '@replyforce/contracts';
import {
  findMembership,
  findTenant,
  findUser,
  findUserMfa,
  listMembershipsOfUser,
  withTenantUser,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { verifyAccessToken } from './access-token.ts';
import { securityOf } from './security-settings.ts';

/**
 * Verifies the access token, then reads the membership: a removed member or a changed role takes
 * effect on the next request, not when the token expires.
 */
export async function authenticate(deps: CoreDeps, bearer: string, ip: string | undefined): Promise<Actor> {
  const claims = await verifyAccessToken(deps, bearer);
  const found = await withTenantUser(deps.db, claims.tid, claims.sub, async (tx) => {
    const membership = await findMembership(tx, claims.tid, claims.sub);
    const user = membership ? await findUser(tx, claims.sub) : undefined;
    if (!membership || !user) return undefined;
    // Only admins pay for the policy check; it is read per request so turning it on bites at once.
    let mfaEnrolmentRequired = false;
    if (membership.role === 'admin') {
      const tenant = await findTenant(tx, claims.tid);
      if (securityOf(tenant?.settings).mfaRequiredForAdmins)
        mfaEnrolmentRequired = !(await findUserMfa(tx, claims.sub))?.confirmedAt;
    }
    return { role: membership.role, email: user.email, mfaEnrolmentRequired };
  });
  if (!found) throw new AppError('UNAUTHENTICATED', 'You are no longer a member of this workspace');
  return {
    userId: claims.sub,
    tenantId: claims.tid,
    role: found.role,
    email: found.email,
    ip,
    ...(found.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
  };
}

export async function getMe(deps: CoreDeps, actor: Actor): Promise<MeDto> {
  return withTenantUser(deps.db, actor.tenantId, actor.userId, async (tx) => {
    const user = await findUser(tx, actor.userId);
    const tenant = await findTenant(tx, actor.tenantId);
    if (!user || !tenant) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
    return {
      user: { id: user.id, email: user.email, name: user.name },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, plan: tenant.plan },
      role: actor.role,
      permissions: [...ROLE_PERMISSIONS[actor.role]],
      memberships: await listMembershipsOfUser(tx, actor.userId),
    };
  });
}
