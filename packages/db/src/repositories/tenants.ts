import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { tenants } from '../schema/index.ts';

export type TenantRow = typeof tenants.$inferSelect;

export async function insertTenant(
  tx: Tx,
  row: { id: string; name: string; slug: string },
): Promise<TenantRow> {
  const [created] = await tx.insert(tenants).values(row).returning();
  return created!;
}

export async function findTenant(tx: Tx, tenantId: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
  return row;
}

export async function findTenantBySlug(tx: Tx, slug: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
  return row;
}

/** Merges top-level keys into `tenants.settings` (each key replaced whole). */
export async function mergeTenantSettings(tx: Tx, tenantId: string, patch: Record<string, unknown>) {
  const [row] = await tx
    .update(tenants)
    .set({ settings: sql`${tenants.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(tenants.id, tenantId))
    .returning();
  return row;
}
