import { sql } from 'drizzle-orm';
import type { Database, Tx } from './client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertUuid(value: string, what: string): void {
  if (!UUID.test(value)) throw new TypeError(`${what} must be a uuid`);
}

/**
 * Runs fn in a transaction as the non-owner role `replyforce_app`, scoped to one tenant: row-level
 * security then hides every other tenant's rows, even from a query that forgets its tenant filter.
 */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertUuid(tenantId, 'tenantId');
  return scoped(db, tenantId, '', fn);
}

/** Scoped to one user across tenants: its own memberships and their tenants' names (login, switch). */
export function withUser<T>(db: Database, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertUuid(userId, 'userId');
  return scoped(db, '', userId, fn);
}

/** Tenant and user at once: a signed-in request that also needs the user's other memberships. */
export function withTenantUser<T>(
  db: Database,
  tenantId: string,
  userId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertUuid(tenantId, 'tenantId');
  assertUuid(userId, 'userId');
  return scoped(db, tenantId, userId, fn);
}

/**
 * Runs as the connecting role, outside row-level security. Only for work that is about no single
 * tenant: looking a user up by email (login, invite, accept), the demo seed, sweepers. Keep its
 * callers few; `grep withSystem` lists them all.
 */
export function withSystem<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(fn);
}

function scoped<T>(db: Database, tenantId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.kind === 'postgres') {
    // On PostgreSQL the context rides along with BEGIN: one round trip instead of two, on every
    // transaction the pipeline runs. Drizzle appends the transaction config to `begin` verbatim and
    // node-postgres sends a query without parameters as one simple-protocol string, which may hold
    // two statements. Inlining is safe: both ids were checked to be uuids (or are empty) and the
    // role is a constant.
    const context = `select set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true), set_config('role', 'replyforce_app', true)`;
    return db.orm.transaction(fn, { accessMode: `read write; ${context}` as 'read write' });
  }
  return db.orm.transaction(async (tx) => {
    // set_config('role', …, true) is SET LOCAL ROLE; one round trip sets the whole context.
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true), set_config('role', 'replyforce_app', true)`,
    );
    return fn(tx);
  });
}
