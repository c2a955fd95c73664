import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseKinds,
  freshDatabase,
  type TestDatabase,
} from '../../../apps/server/test/helpers/databases.ts';
import type { Database } from '../src/index.ts';
import {
  auditLogs,
  insertAuditLog,
  insertInvitation,
  insertMembership,
  insertTenant,
  insertUser,
  invitations,
  mailOutbox,
  memberships,
  queryRows,
  refreshTokens,
  tenants,
  users,
  withSystem,
  withTenant,
  withUser,
} from '../src/index.ts';

type Seeded = { a: string; b: string; userA: string; userB: string };

async function seedTwoTenants(db: Database): Promise<Seeded> {
  const s: Seeded = {
    a: crypto.randomUUID(),
    b: crypto.randomUUID(),
    userA: crypto.randomUUID(),
    userB: crypto.randomUUID(),
  };
  for (const [tenantId, userId, name] of [
    [s.a, s.userA, 'A'],
    [s.b, s.userB, 'B'],
  ] as const) {
    await withSystem(db, async (tx) => {
      await insertTenant(tx, { id: tenantId, name: `Tenant ${name}`, slug: `t-${tenantId}` });
      await insertUser(tx, { id: userId, email: `${userId}@x.test`, name, passwordHash: 'h' });
      await insertMembership(tx, { tenantId, userId, role: 'admin', isOwner: true });
      await insertInvitation(tx, {
        id: crypto.randomUUID(),
        tenantId,
        email: `invitee-${name}@x.test`,
        role: 'agent',
        invitedBy: userId,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      await insertAuditLog(tx, { tenantId, action: 'test', resourceType: 'x', result: 'success' });
    });
  }
  return s;
}

/**
 * Reads every tenant table for tenant A with NO tenant filter at all and returns what belongs to
 * B. Row-level security is the only thing between tenant A and B's rows here.
 */
async function rowsOfBSeenByA(db: Database, s: Seeded): Promise<string[]> {
  return withTenant(db, s.a, async (tx) => {
    const leaked: string[] = [];
    for (const r of await tx.select().from(tenants)) if (r.id === s.b) leaked.push('tenants');
    for (const r of await tx.select().from(memberships)) if (r.tenantId === s.b) leaked.push('memberships');
    for (const r of await tx.select().from(invitations)) if (r.tenantId === s.b) leaked.push('invitations');
    for (const r of await tx.select().from(auditLogs)) if (r.tenantId === s.b) leaked.push('audit_logs');
    for (const r of await tx.select().from(refreshTokens))
      if (r.tenantId === s.b) leaked.push('refresh_tokens');
    for (const r of await tx.select().from(mailOutbox)) if (r.tenantId === s.b) leaked.push('mail_outbox');
    for (const r of await tx.select().from(users)) if (r.id === s.userB) leaked.push('users');
    return leaked;
  });
}

describe.each(await databaseKinds())('row-level security on %s', (kind) => {
  let t: TestDatabase;
  let s: Seeded;
  beforeAll(async () => {
    t = await freshDatabase(kind);
    s = await seedTwoTenants(t.db);
  });
  afterAll(() => t.drop());

  it('a query for tenant A that forgets the tenant filter sees none of tenant B', async () => {
    expect(await rowsOfBSeenByA(t.db, s)).toEqual([]);
    // …while A's own rows are all there, so the check is not vacuous.
    const own = await withTenant(t.db, s.a, async (tx) => ({
      tenants: (await tx.select().from(tenants)).length,
      memberships: (await tx.select().from(memberships)).length,
      invitations: (await tx.select().from(invitations)).length,
      users: (await tx.select().from(users)).length,
    }));
    expect(own).toEqual({ tenants: 1, memberships: 1, invitations: 1, users: 1 });
  });

  it('cannot write rows into another tenant', async () => {
    await expect(
      withTenant(t.db, s.a, (tx) =>
        insertAuditLog(tx, { tenantId: s.b, action: 'forged', resourceType: 'x', result: 'success' }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(t.db, s.a, (tx) => tx.update(tenants).set({ name: 'hijacked' }).returning()),
    ).resolves.toHaveLength(1); // only its own tenant row is updatable
    const names = await withSystem(t.db, (tx) =>
      tx.select({ id: tenants.id, name: tenants.name }).from(tenants),
    );
    expect(names.find((n) => n.id === s.b)?.name).toBe('Tenant B');
  });

  it('without any context the application role sees nothing', async () => {
    const rows = await t.db.orm.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'replyforce_app', true)`);
      return tx.select().from(memberships);
    });
    expect(rows).toEqual([]);
  });

  it('a user context sees its own memberships in every tenant, nothing else', async () => {
    const rows = await withUser(t.db, s.userA, (tx) => tx.select().from(memberships));
    expect(rows.map((r) => r.tenantId)).toEqual([s.a]);
  });

  it('the application role is neither superuser, owner nor able to bypass RLS', async () => {
    const [role] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
      t.db,
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'replyforce_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = 'replyforce_app'`,
    );
    expect(owned[0]?.n).toBe(0);
  });

  it('every table with a tenant_id column has row-level security on and a policy', async () => {
    const rows = await queryRows<{ table: string; rls: boolean; policies: number }>(
      t.db,
      sql`select c.relname as table, c.relrowsecurity as rls,
            (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and exists (select 1 from information_schema.columns col
                        where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.table)).toEqual([]);
  });

  it('the audit log rejects updates and deletes, even outside row-level security', async () => {
    await expect(
      withSystem(t.db, (tx) => tx.update(auditLogs).set({ action: 'rewritten' })),
    ).rejects.toThrow();
    await expect(withSystem(t.db, (tx) => tx.delete(auditLogs))).rejects.toThrow();
    await expect(withSystem(t.db, (tx) => tx.execute(sql`truncate audit_logs`))).rejects.toThrow();
    await expect(withTenant(t.db, s.a, (tx) => tx.delete(auditLogs))).rejects.toThrow();
    const n = await withSystem(t.db, (tx) => tx.select().from(auditLogs));
    expect(n.length).toBe(2);
  });

  it('the check above detects a leak once a policy is dropped (it can fail)', async () => {
    const other = await freshDatabase(kind);
    try {
      const seeded = await seedTwoTenants(other.db);
      await withSystem(other.db, (tx) => tx.execute(sql`drop policy tenant_isolation on invitations`));
      await withSystem(other.db, (tx) => tx.execute(sql`alter table invitations disable row level security`));
      expect(await rowsOfBSeenByA(other.db, seeded)).toContain('invitations');
    } finally {
      await other.drop();
    }
  });
});
