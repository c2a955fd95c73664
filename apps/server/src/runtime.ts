import type { Config } from '@replyforce/config';
import { createChannelConnectors } from '@replyforce/connectors';
import {
  type CoreDeps,
  createChannelRouter,
  createCircuitBreakers,
  createLocalOutboxTransport,
  createVault,
} from '@replyforce/core';
import { type Database, migrateDatabase, openDatabase, pendingMigrations } from '@replyforce/db';
import {
  createBullmqQueue,
  createEmbeddedQueue,
  createMemoryEventBus,
  createMemoryWindowCounter,
  createRateLimiter,
  createRedisEventBus,
  createRedisWindowCounter,
} from '@replyforce/queue';
import { jwtKeyFor, masterKeyFor } from './secrets.ts';

export type Runtime = { deps: CoreDeps; close(): Promise<void> };

/**
 * Opens everything a process needs. Embedded mode migrates its own PGlite; on PostgreSQL the
 * schema is `replyforce migrate`'s job, and a process refuses to run against an older schema.
 */
export async function openRuntime(
  config: Config,
  opts: { database?: Database; queuePrefix?: string; xWebhookId?: string } = {},
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
  const prefix = opts.queuePrefix ?? config.queuePrefix;
  const queue = config.redisUrl ? createBullmqQueue(config.redisUrl, { prefix }) : createEmbeddedQueue();
  const counter = config.redisUrl ? createRedisWindowCounter(config.redisUrl) : createMemoryWindowCounter();
  const bus = config.redisUrl
    ? createRedisEventBus(config.redisUrl, { channel: `${prefix}:events` })
    : createMemoryEventBus();
  const ch = config.channels;
  const deps: CoreDeps = {
    config,
    db,
    queue,
    counter,
    mail: createLocalOutboxTransport(),
    jwtKey: jwtKeyFor(config),
    vault: createVault(masterKeyFor(config)),
    channels: createChannelConnectors({
      endpoints: {
        graphUrl: ch.graphUrl,
        facebookWebUrl: ch.facebookWebUrl,
        xApiUrl: ch.xApiUrl,
        xWebUrl: ch.xWebUrl,
        graphVersion: ch.graphVersion,
      },
      app: {
        metaAppId: ch.metaAppId,
        metaAppSecret: ch.metaAppSecret,
        xClientId: ch.xClientId,
        xClientSecret: ch.xClientSecret,
        xConsumerSecret: ch.xConsumerSecret,
        xWebhookId: opts.xWebhookId ?? ch.xWebhookId,
      },
      timeoutMs: ch.timeoutMs,
    }),
    router: createChannelRouter(db),
    bus,
    breakers: createCircuitBreakers(),
    limiter: createRateLimiter(counter),
  };
  return {
    deps,
    async close() {
      await queue.close();
      await bus.close();
      await counter.close();
      await db.close();
    },
  };
}
