import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@replyforce/config';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

export type PoolStats = { total: number; idle: number; waiting: number };

export type Database = {
  kind: 'pglite' | 'postgres';
  /** The connection URL on PostgreSQL; undefined on PGlite. */
  url: string | undefined;
  orm: Orm;
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
};

/**
 * PGlite under `${dataDir}/pgdata`, or in memory when dataDir is 'memory://'. PGlite (a large
 * WASM build) and its drizzle driver are imported here, on first use, so processes on PostgreSQL
 * never load them.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  let target = dataDir;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    target = join(dataDir, 'pgdata');
  }
  const client = await PGlite.create(target);
  const orm = drizzlePglite({ client, schema }) as unknown as Orm;
  let busy = 0;
  return {
    kind: 'pglite',
    url: undefined,
    orm,
    async ping() {
      busy++;
      try {
        await client.query('select 1');
      } finally {
        busy--;
      }
    },
    // PGlite is one connection inside this process; it queues statements itself.
    poolStats: () => ({ total: 1, idle: busy > 0 ? 0 : 1, waiting: 0 }),
    close: () => client.close(),
  };
}

export function openPostgres(url: string, poolMax: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // A checked-out client (a transaction in progress) whose server goes away emits 'error' too, and
  // pg-pool listens only on idle ones: without this, a PostgreSQL restart crashes the process. The
  // query in flight still fails, and its job is retried.
  pool.on('connect', (client) => client.on('error', () => {}));
  const orm = drizzleNodePg({ client: pool, schema }) as unknown as Orm;
  return {
    kind: 'postgres',
    url,
    orm,
    async ping() {
      await orm.execute(sql`select 1`);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

export async function openDatabase(config: Config): Promise<Database> {
  if (config.database.url) return openPostgres(config.database.url, config.database.poolMax);
  return openPglite(config.dataDir);
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Database | { orm: Pick<Orm, 'execute'> }, query: SQL): Promise<T[]> {
  const result = (await db.orm.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
