import { and, asc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { crmConnections, crmFieldMappings, crmOauthStates, tenants } from '../schema/index.ts';

export type CrmConnectionRow = typeof crmConnections.$inferSelect;
export type CrmVendorName = CrmConnectionRow['vendor'];
export type CrmFieldMappingRow = typeof crmFieldMappings.$inferSelect;

export async function insertCrmConnection(tx: Tx, row: typeof crmConnections.$inferInsert): Promise<void> {
  await tx.insert(crmConnections).values(row);
}

/** The tenant's connections that are not disconnected, oldest first. */
export async function listCrmConnections(tx: Tx, tenantId: string): Promise<CrmConnectionRow[]> {
  return tx
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.tenantId, tenantId), ne(crmConnections.status, 'disconnected')))
    .orderBy(asc(crmConnections.createdAt), asc(crmConnections.id));
}

export async function findCrmConnection(
  tx: Tx,
  tenantId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CrmConnectionRow | undefined> {
  const q = tx
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.tenantId, tenantId), eq(crmConnections.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The tenant's live connection to one vendor (reconnecting replaces its credentials in place). */
export async function findLiveCrmConnection(
  tx: Tx,
  tenantId: string,
  vendor: CrmVendorName,
): Promise<CrmConnectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.tenantId, tenantId),
        eq(crmConnections.vendor, vendor),
        ne(crmConnections.status, 'disconnected'),
      ),
    );
  return row;
}

export async function updateCrmConnection(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<typeof crmConnections.$inferInsert>,
): Promise<CrmConnectionRow | undefined> {
  const [row] = await tx
    .update(crmConnections)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(crmConnections.tenantId, tenantId), eq(crmConnections.id, id)))
    .returning();
  return row;
}

/** Counts one more auth failure in a row and returns the count. */
export async function countCrmAuthFailure(tx: Tx, tenantId: string, id: string, error: string) {
  const [row] = await tx
    .update(crmConnections)
    .set({
      authFailures: sql`${crmConnections.authFailures} + 1`,
      lastError: error.slice(0, 500),
      lastErrorAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(crmConnections.tenantId, tenantId), eq(crmConnections.id, id)))
    .returning({ n: crmConnections.authFailures });
  return row?.n ?? 0;
}

/**
 * Serialises the changes of a tenant's connection statuses (connect, disconnect, needs_reauth):
 * each then computes `tenants.settings.crmSync` from committed state, never from a stale read.
 */
export async function lockTenantForCrm(tx: Tx, tenantId: string): Promise<void> {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
}

/**
 * Mirrors "has an active CRM connection" into the tenant's settings, which the AI step already
 * reads: a tenant without one then costs the message path no CRM statement at all.
 */
export async function refreshTenantCrmFlag(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx
    .update(tenants)
    .set({
      settings: sql`${tenants.settings} || jsonb_build_object('crmSync', exists (
        select 1 from ${crmConnections}
        where ${crmConnections.tenantId} = ${tenantId} and ${crmConnections.status} = 'active'))`,
    })
    .where(eq(tenants.id, tenantId))
    .returning({ settings: tenants.settings });
  return row?.settings.crmSync === true;
}

/**
 * Takes the connection's sync lease for `owner` (or renews it), unless another owner holds an
 * unexpired one. One job at a time per connection keeps the batches full and the budget whole.
 */
export async function takeCrmConnectionLease(
  tx: Tx,
  tenantId: string,
  id: string,
  owner: string,
  until: Date,
): Promise<CrmConnectionRow | undefined> {
  const [row] = await tx
    .update(crmConnections)
    .set({ busyUntil: until, busyBy: owner })
    .where(
      and(
        eq(crmConnections.tenantId, tenantId),
        eq(crmConnections.id, id),
        eq(crmConnections.status, 'active'),
        or(
          sql`${crmConnections.busyUntil} is null`,
          lt(crmConnections.busyUntil, sql`now()`),
          eq(crmConnections.busyBy, owner),
        ),
      ),
    )
    .returning();
  return row;
}

export async function releaseCrmConnectionLease(tx: Tx, tenantId: string, id: string, owner: string) {
  await tx
    .update(crmConnections)
    .set({ busyUntil: null, busyBy: null })
    .where(
      and(eq(crmConnections.tenantId, tenantId), eq(crmConnections.id, id), eq(crmConnections.busyBy, owner)),
    );
}

/** Active connections whose token expires before `before`, across tenants (the scheduler refreshes them). */
export async function listCrmConnectionsExpiringBefore(tx: Tx, before: Date, limit: number) {
  return tx
    .select({ id: crmConnections.id, tenantId: crmConnections.tenantId })
    .from(crmConnections)
    .where(and(eq(crmConnections.status, 'active'), lt(crmConnections.expiresAt, before)))
    .orderBy(crmConnections.expiresAt)
    .limit(limit);
}

/** Active connections of these vendors due for a pull, across tenants (system context). */
export async function listCrmConnectionsToPull(
  tx: Tx,
  vendors: readonly CrmVendorName[],
  pulledBefore: Date,
  limit: number,
) {
  return tx
    .select({ id: crmConnections.id, tenantId: crmConnections.tenantId })
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.status, 'active'),
        inArray(crmConnections.vendor, [...vendors]),
        or(sql`${crmConnections.lastPulledAt} is null`, lt(crmConnections.lastPulledAt, pulledBefore)),
      ),
    )
    .orderBy(sql`${crmConnections.lastPulledAt} nulls first`)
    .limit(limit);
}

/** Which tenants' live connections a vendor webhook for this CRM account belongs to (system context). */
export async function findCrmConnectionsByAccount(tx: Tx, vendor: CrmVendorName, accountId: string) {
  return tx
    .select({ id: crmConnections.id, tenantId: crmConnections.tenantId })
    .from(crmConnections)
    .where(
      and(
        eq(crmConnections.vendor, vendor),
        eq(crmConnections.accountId, accountId),
        ne(crmConnections.status, 'disconnected'),
      ),
    );
}

export async function insertCrmOAuthState(tx: Tx, row: typeof crmOauthStates.$inferInsert): Promise<void> {
  await tx.insert(crmOauthStates).values(row);
}

/** Deletes and returns the state: it works once. */
export async function takeCrmOAuthState(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .delete(crmOauthStates)
    .where(and(eq(crmOauthStates.tenantId, tenantId), eq(crmOauthStates.id, id)))
    .returning();
  return row;
}

export async function listCrmFieldMappings(
  tx: Tx,
  tenantId: string,
  connectionId: string,
): Promise<CrmFieldMappingRow[]> {
  return tx
    .select()
    .from(crmFieldMappings)
    .where(and(eq(crmFieldMappings.tenantId, tenantId), eq(crmFieldMappings.connectionId, connectionId)))
    .orderBy(asc(crmFieldMappings.position));
}

/** Replaces a connection's whole mapping. */
export async function replaceCrmFieldMappings(
  tx: Tx,
  tenantId: string,
  connectionId: string,
  rows: { source: string; target: string; valueMap: Record<string, string> | null }[],
): Promise<void> {
  await tx
    .delete(crmFieldMappings)
    .where(and(eq(crmFieldMappings.tenantId, tenantId), eq(crmFieldMappings.connectionId, connectionId)));
  if (rows.length === 0) return;
  await tx.insert(crmFieldMappings).values(
    rows.map((r, position) => ({
      id: crypto.randomUUID(),
      tenantId,
      connectionId,
      source: r.source,
      target: r.target,
      valueMap: r.valueMap,
      position,
    })),
  );
}
