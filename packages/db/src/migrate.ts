import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, queryRows } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
// Any fixed number: it only has to be the same in every process running migrations.
const MIGRATION_LOCK = 7_301_987;

/** Applies the committed SQL migrations. On PostgreSQL an advisory lock serialises concurrent runs. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    await migratePglite(db.orm as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // One dedicated connection: the advisory lock belongs to a session, not to a pool.
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}

/** Migrations the database has not applied yet (0 when up to date). */
export async function pendingMigrations(db: Database): Promise<number> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return journal.entries.length;
  const [applied] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return journal.entries.length - (applied?.n ?? 0);
}
