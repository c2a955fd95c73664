import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(
  tx: Tx,
  row: { id: string; email: string; name: string; passwordHash: string },
): Promise<UserRow> {
  const [created] = await tx.insert(users).values(row).returning();
  return created!;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUser(tx: Tx, userId: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  return row;
}
