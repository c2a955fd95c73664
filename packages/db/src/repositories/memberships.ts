import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { memberships, tenants, users } from '../schema/index.ts';

export type MembershipRow = typeof memberships.$inferSelect;
export type RoleName = MembershipRow['role'];

export async function insertMembership(
  tx: Tx,
  row: { tenantId: string; userId: string; role: RoleName; isOwner?: boolean },
): Promise<MembershipRow> {
  const [created] = await tx.insert(memberships).values(row).returning();
  return created!;
}

export async function findMembership(
  tx: Tx,
  tenantId: string,
  userId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<MembershipRow | undefined> {
  const query = tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Every tenant the user belongs to (needs a user context). */
export async function listMembershipsOfUser(tx: Tx, userId: string) {
  return tx
    .select({
      role: memberships.role,
      tenant: { id: tenants.id, name: tenants.name, slug: tenants.slug, plan: tenants.plan },
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name));
}

export async function listMembers(tx: Tx, tenantId: string) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      isOwner: memberships.isOwner,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(memberships.createdAt));
}

/** Locks the tenant's admin memberships so concurrent demotions cannot leave it without one. */
export async function lockAdmins(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'admin')))
    .for('update');
  return rows.map((r) => r.userId);
}

export async function updateMembershipRole(
  tx: Tx,
  tenantId: string,
  userId: string,
  role: RoleName,
): Promise<void> {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
}

export async function deleteMembership(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
}
