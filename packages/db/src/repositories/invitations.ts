import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { invitations, users } from '../schema/index.ts';
import type { RoleName } from './memberships.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  tx: Tx,
  row: { id: string; tenantId: string; email: string; role: RoleName; invitedBy: string; expiresAt: Date },
): Promise<InvitationRow> {
  const [created] = await tx.insert(invitations).values(row).returning();
  return created!;
}

export async function findInvitationForUpdate(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)))
    .for('update');
  return row;
}

/** Pending = neither accepted nor revoked, and not expired. */
export async function listPendingInvitations(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedBy: users.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function revokePendingInvitationsFor(tx: Tx, tenantId: string, email: string): Promise<void> {
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function markInvitationAccepted(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
}
