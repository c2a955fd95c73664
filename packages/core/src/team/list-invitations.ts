import type { InvitationDto } from '@replyforce/contracts';
import { listPendingInvitations, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

export async function listInvitations(deps: CoreDeps, tenantId: string): Promise<InvitationDto[]> {
  const rows = await withTenant(deps.db, tenantId, (tx) => listPendingInvitations(tx, tenantId));
  return rows.map((r) => ({
    ...r,
    invitedBy: r.invitedBy ?? '',
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}
