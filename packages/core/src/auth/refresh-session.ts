import {
  findMembership,
  findRefreshTokenForUpdate,
  markRefreshTokenUsed,
  revokeRefreshFamily,
  withTenant,
  withTenantUser,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { type IssuedSession, issueSessionIn } from './issue-session.ts';
import { parseRefreshToken, secretMatches } from './refresh-token.ts';

/**
 * Single-use rotation: a valid token is spent and replaced by the next of its family. Presenting a
 * spent token means it was stolen or replayed, so the whole family is revoked.
 */
export async function refreshSession(
  deps: CoreDeps,
  token: string | undefined,
  meta: { ip: string | undefined },
): Promise<IssuedSession> {
  const parsed = token ? parseRefreshToken(token) : undefined;
  if (!parsed) throw new AppError('REFRESH_TOKEN_INVALID', 'No valid session; sign in again');
  const { tenantId } = parsed;

  const outcome = await withTenant(deps.db, tenantId, async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, tenantId, parsed.id);
    if (!row || !secretMatches(parsed.secret, row.tokenHash)) return { kind: 'invalid' as const };
    if (row.usedAt || row.revokedAt) {
      await revokeRefreshFamily(tx, tenantId, row.familyId);
      await recordAudit(
        tx,
        { tenantId, userId: row.userId, ip: meta.ip },
        {
          action: 'auth.refresh_reuse',
          resourceType: 'session',
          resourceId: row.familyId,
          result: 'failure',
          metadata: { reason: row.revokedAt ? 'revoked token presented' : 'spent token presented' },
        },
      );
      return { kind: 'reused' as const };
    }
    if (row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
    const membership = await findMembership(tx, tenantId, row.userId);
    if (!membership) {
      await revokeRefreshFamily(tx, tenantId, row.familyId);
      return { kind: 'invalid' as const };
    }
    await markRefreshTokenUsed(tx, tenantId, row.id);
    return { kind: 'ok' as const, userId: row.userId, familyId: row.familyId, role: membership.role };
  });

  if (outcome.kind === 'reused') {
    throw new AppError(
      'REFRESH_TOKEN_REUSED',
      'This session was ended because its token was used twice; sign in again',
    );
  }
  if (outcome.kind === 'invalid')
    throw new AppError('REFRESH_TOKEN_INVALID', 'No valid session; sign in again');
  return withTenantUser(deps.db, tenantId, outcome.userId, (tx) =>
    issueSessionIn(tx, deps, {
      tenantId,
      userId: outcome.userId,
      role: outcome.role,
      familyId: outcome.familyId,
    }),
  );
}
