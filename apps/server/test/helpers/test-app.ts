import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '@replyforce/config';
import type { CoreDeps } from '@replyforce/core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/build-app.ts';
import { openRuntime } from '../../src/runtime.ts';
import { startWorkers } from '../../src/workers/index.ts';
import { type DbKind, freshDatabase } from './databases.ts';
import { deleteKeys } from './redis.ts';

/** A fixed master key: tests do not need a secret one. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 11).toString('base64');

export type TestApp = { app: FastifyInstance; deps: CoreDeps; config: Config; close(): Promise<void> };

/**
 * The real application on a fresh database of the given kind, with the in-process job runner
 * (or BullMQ when env.REDIS_URL is passed), workers running, logs silenced.
 */
export async function createTestApp(
  kind: DbKind,
  env: Record<string, string> = {},
  opts: { webDist?: string; workers?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-test-'));
  const database = await freshDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MASTER_KEY: TEST_MASTER_KEY,
    SEED_DEMO: 'false',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const queuePrefix = `rf-test-${crypto.randomUUID().slice(0, 8)}`;
  const runtime = await openRuntime(config, {
    database: database.db,
    queuePrefix,
  });
  if (opts.workers !== false) await startWorkers(runtime.deps, pino({ level: 'silent' }));
  const app = await buildApp(runtime.deps, {
    logger: false,
    webDist: opts.webDist ?? join(dataDir, 'no-web'),
  });
  await app.ready();
  return {
    app,
    deps: runtime.deps,
    config,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
      // The run's queues: jobs a test left (or never consumed) would otherwise pile up in Redis.
      if (config.redisUrl) await deleteKeys(config.redisUrl, `${queuePrefix}:*`).catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
