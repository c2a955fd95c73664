import type { Config } from '@replyforce/config';
import { type CoreDeps, createLocalOutboxTransport } from '@replyforce/core';
import { type Database, migrateDatabase, openDatabase, pendingMigrations } from '@replyforce/db';
import {
  createBullmqQueue,
  createEmbeddedQueue,
  createMemoryWindowCounter,
  createRedisWindowCounter,
} from '@replyforce/queue';
import { jwtKeyFor } from './secrets.ts';

export type Runtime = { deps: CoreDeps; close(): Promise<void> };

/**
 * Opens everything a process needs. Embedded mode migrates its own PGlite; on PostgreSQL the
 * schema is `replyforce migrate`'s job, and a process refuses to run against an older schema.
 */
export async function openRuntime(
  config: Config,
  opts: { database?: Database; queuePrefix?: string } = {},
): Promise<Runtime> {
  const db = opts.database ?? (await openDatabase(config));
  if (db.kind === 'pglite') await migrateDatabase(db);
  else {
    const pending = await pendingMigrations(db);
    if (pending > 0) {
      await db.close();
      throw new Error(
        `The database is ${pending} migration(s) behind: run \`npm run replyforce -- migrate\` first`,
      );
    }
  }
  const queue = config.redisUrl
    ? createBullmqQueue(config.redisUrl, opts.queuePrefix ? { prefix: opts.queuePrefix } : {})
    : createEmbeddedQueue();
  const counter = config.redisUrl ? createRedisWindowCounter(config.redisUrl) : createMemoryWindowCounter();
  const deps: CoreDeps = {
    config,
    db,
    queue,
    counter,
    mail: createLocalOutboxTransport(),
    jwtKey: jwtKeyFor(config),
  };
  return {
    deps,
    async close() {
      await queue.close();
      await counter.close();
      await db.close();
    },
  };
}
