import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { userMfa } from '../schema/index.ts';

export type UserMfaRow = typeof userMfa.$inferSelect;

export async function findUserMfa(tx: Tx, userId: string): Promise<UserMfaRow | undefined> {
  const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId));
  return row;
}

/** Locks the row: two sign-ins racing with the same code cannot both pass the single-use check. */
export async function findUserMfaForUpdate(tx: Tx, userId: string): Promise<UserMfaRow | undefined> {
  const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId)).for('update');
  return row;
}

/** Starts (or restarts) a pending enrolment; a confirmed factor is never overwritten here. */
export async function upsertPendingUserMfa(tx: Tx, userId: string, secretSealed: string): Promise<void> {
  await tx
    .insert(userMfa)
    .values({ userId, secretSealed })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: {
        secretSealed,
        confirmedAt: null,
        lastUsedStep: null,
        recoveryCodeHashes: [],
        updatedAt: new Date(),
      },
    });
}

export async function updateUserMfa(
  tx: Tx,
  userId: string,
  patch: Partial<Pick<UserMfaRow, 'confirmedAt' | 'lastUsedStep' | 'recoveryCodeHashes'>>,
): Promise<void> {
  await tx
    .update(userMfa)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(userMfa.userId, userId));
}

export async function deleteUserMfa(tx: Tx, userId: string): Promise<void> {
  await tx.delete(userMfa).where(eq(userMfa.userId, userId));
}
