import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { refreshTokens } from '../schema/index.ts';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertRefreshToken(
  tx: Tx,
  row: { id: string; tenantId: string; userId: string; familyId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(refreshTokens).values(row);
}

/** Locks the row so two concurrent refreshes with one token cannot both succeed. */
export async function findRefreshTokenForUpdate(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.id, id)))
    .for('update');
  return row;
}

export async function markRefreshTokenUsed(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.id, id)));
}

export async function revokeRefreshFamily(tx: Tx, tenantId: string, familyId: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.tenantId, tenantId),
        eq(refreshTokens.familyId, familyId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}

export async function revokeUserRefreshTokens(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.tenantId, tenantId),
        eq(refreshTokens.userId, userId),
        isNull(refreshTokens.revokedAt),
      ),
    );
}
