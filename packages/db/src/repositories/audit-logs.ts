import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { auditLogs } from '../schema/index.ts';
import { type Keyset, olderThan } from './keyset.ts';

export type AuditLogRow = typeof auditLogs.$inferSelect;
export type NewAuditLog = typeof auditLogs.$inferInsert;

export async function insertAuditLog(tx: Tx, entry: NewAuditLog): Promise<void> {
  await tx.insert(auditLogs).values(entry);
}

export async function listAuditLogs(
  tx: Tx,
  tenantId: string,
  page: { limit: number; after?: Keyset },
): Promise<AuditLogRow[]> {
  return tx
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.tenantId, tenantId), olderThan(auditLogs.createdAt, auditLogs.id, page.after)))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(page.limit);
}
