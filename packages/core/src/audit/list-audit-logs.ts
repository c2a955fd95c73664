import type { AuditLogPage } from '@replyforce/contracts';
import { decodeCursor, encodeCursor, listAuditLogs as listRows, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

export async function listAuditLogs(
  deps: CoreDeps,
  tenantId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<AuditLogPage> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (page.cursor !== undefined && !after) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid');
  const rows = await withTenant(deps.db, tenantId, (tx) =>
    listRows(tx, tenantId, { limit: page.limit + 1, ...(after ? { after } : {}) }),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actor: { userId: r.actorUserId, email: r.actorEmail, role: r.actorRole, ip: r.ip },
      action: r.action,
      resource: { type: r.resourceType, id: r.resourceId },
      metadata: r.metadata,
      result: r.result,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
  };
}
