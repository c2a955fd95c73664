import { ROLE_PERMISSIONS, type Role, type SessionDto } from '@replyforce/contracts';
import {
  findTenant,
  findUser,
  insertRefreshToken,
  listMembershipsOfUser,
  type Tx,
  withTenantUser,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';
import { signAccessToken } from './access-token.ts';
import { newRefreshToken } from './refresh-token.ts';

export type IssuedSession = { session: SessionDto; refreshToken: string; refreshExpiresAt: Date };

/**
 * Access token + the next refresh token of a family (a new family at login). Runs in the given
 * transaction, which must have both the tenant and the user context.
 */
export async function issueSessionIn(
  tx: Tx,
  deps: CoreDeps,
  p: { tenantId: string; userId: string; role: Role; familyId?: string },
): Promise<IssuedSession> {
  const user = await findUser(tx, p.userId);
  const tenant = await findTenant(tx, p.tenantId);
  if (!user || !tenant) throw new AppError('UNAUTHENTICATED', 'The account no longer exists');
  const refresh = newRefreshToken(p.tenantId);
  const refreshExpiresAt = new Date(Date.now() + deps.config.auth.refreshTokenTtlDays * 86_400_000);
  await insertRefreshToken(tx, {
    id: refresh.id,
    tenantId: p.tenantId,
    userId: p.userId,
    familyId: p.familyId ?? crypto.randomUUID(),
    tokenHash: refresh.hash,
    expiresAt: refreshExpiresAt,
  });
  const memberships = await listMembershipsOfUser(tx, p.userId);
  const access = await signAccessToken(deps, p);
  return {
    session: {
      accessToken: access.token,
      expiresIn: access.expiresIn,
      user: { id: user.id, email: user.email, name: user.name },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, plan: tenant.plan },
      role: p.role,
      permissions: [...ROLE_PERMISSIONS[p.role]],
      memberships,
    },
    refreshToken: refresh.value,
    refreshExpiresAt,
  };
}

export function issueSession(
  deps: CoreDeps,
  p: { tenantId: string; userId: string; role: Role },
): Promise<IssuedSession> {
  return withTenantUser(deps.db, p.tenantId, p.userId, (tx) => issueSessionIn(tx, deps, p));
}
