import type { AuditLogPage } from '@replyforce/contracts';
import { listAuditLogs as listRows, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { cursorToKeyset, toPage } from '../paginate.ts';

export async function listAuditLogs(
  deps: CoreDeps,
  tenantId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<AuditLogPage> {
  const after = cursorToKeyset(page.cursor);
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(tx, tenantId, { limit: page.limit + 1, ...(after ? { after } : {}) }),
  );
  return toPage(rows, page.limit, (r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actor: { userId: r.actorUserId, email: r.actorEmail, role: r.actorRole, ip: r.ip },
    action: r.action,
    resource: { type: r.resourceType, id: r.resourceId },
    metadata: r.metadata,
    result: r.result,
  }));
}
