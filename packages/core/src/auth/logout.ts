import { findRefreshTokenForUpdate, revokeRefreshFamily, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { parseRefreshToken, secretMatches } from './refresh-token.ts';

/** Ends the session of this refresh token (its whole family). Unknown tokens end nothing, quietly. */
export async function logout(
  deps: CoreDeps,
  token: string | undefined,
  meta: { ip: string | undefined },
): Promise<void> {
  const parsed = token ? parseRefreshToken(token) : undefined;
  if (!parsed) return;
  await withTenant(deps.db, parsed.tenantId, async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, parsed.tenantId, parsed.id);
    if (!row || !secretMatches(parsed.secret, row.tokenHash) || row.revokedAt) return;
    await revokeRefreshFamily(tx, parsed.tenantId, row.familyId);
    await recordAudit(
      tx,
      { tenantId: parsed.tenantId, userId: row.userId, ip: meta.ip },
      { action: 'auth.logout', resourceType: 'session', resourceId: row.familyId, result: 'success' },
    );
  });
}
