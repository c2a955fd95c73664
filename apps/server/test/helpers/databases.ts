import { type Database, migrateDatabase, openPglite, openPostgres } from '@replyforce/db';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';

/** The PostgreSQL server the suites use: DATABASE_URL, or the local one. */
export const TEST_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/replyforce_test';
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let kinds: Promise<DbKind[]> | undefined;
/**
 * PGlite always; PostgreSQL too when it answers. With REQUIRE_SERVICES=1 an unreachable server
 * fails the run instead of being skipped.
 */
export function databaseKinds(): Promise<DbKind[]> {
  kinds ??= reachable(TEST_DATABASE_URL).then((ok) => {
    if (ok) return ['pglite', 'postgres'];
    if (REQUIRE_SERVICES)
      throw new Error(`REQUIRE_SERVICES=1 but PostgreSQL is unreachable at ${TEST_DATABASE_URL}`);
    console.warn(`PostgreSQL unreachable at ${TEST_DATABASE_URL}: database suites run on PGlite only`);
    return ['pglite'];
  });
  return kinds;
}

export type TestDatabase = { db: Database; url: string | undefined; drop(): Promise<void> };

/** A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite('memory://');
    await migrateDatabase(db);
    return { db, url: undefined, drop: () => db.close().catch(() => {}) };
  }
  const { url, drop } = await emptyDatabase();
  const db = openPostgres(url, 5);
  await migrateDatabase(db);
  return {
    db,
    url,
    async drop() {
      await db.close().catch(() => {}); // already closed by a runtime that owned it
      await drop();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new, un-migrated database on the test server, and how to drop it. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rf_t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}
