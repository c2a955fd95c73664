import type { MemberDto } from '@replyforce/contracts';
import { listMembers as listRows, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

export async function listMembers(deps: CoreDeps, tenantId: string): Promise<MemberDto[]> {
  const rows = await withTenant(deps.db, tenantId, (tx) => listRows(tx, tenantId));
  return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
}
