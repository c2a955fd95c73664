import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { tenantKeys } from '../schema/index.ts';

export async function findTenantKey(tx: Tx, tenantId: string) {
  const [row] = await tx.select().from(tenantKeys).where(eq(tenantKeys.tenantId, tenantId));
  return row;
}

/** Inserts the tenant's first data key; a concurrent first insert wins and this one is dropped. */
export async function insertTenantKeyIfAbsent(
  tx: Tx,
  row: { tenantId: string; wrappedKey: string; masterKeyId: string },
): Promise<void> {
  await tx.insert(tenantKeys).values(row).onConflictDoNothing();
}
