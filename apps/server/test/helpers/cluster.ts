import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrateDatabase, openPostgres } from '@replyforce/db';
import { startSandboxServer } from '@replyforce/sandbox/standalone.ts';
import { webhookIdFor } from '@replyforce/sandbox/x/webhooks.ts';
import { emptyDatabase } from './databases.ts';
import { freePort } from './free-port.ts';
import { deleteKeys, TEST_REDIS_URL } from './redis.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'apps/server/src/cli.ts');
const STARTUP_MS = 60_000;

export type Proc = {
  proc: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type Cluster = {
  /** The API process's base URL (its webhooks, its REST API). */
  apiUrl: string;
  /** The standalone sandbox the processes talk to as "the platforms". */
  sandboxUrl: string;
  databaseUrl: string;
  redisUrl: string;
  env: Record<string, string>;
  startApi(): Promise<Proc>;
  startWorker(args?: string[]): Promise<Proc>;
  close(): Promise<void>;
};

/**
 * ReplyForce as deployed: `replyforce api` and `replyforce worker` as separate processes on
 * PostgreSQL and Redis, the platforms played by a standalone sandbox in this process. Used by the
 * failure tests and the end-to-end benchmark. `redisDb` keeps a test's Redis apart, so flushing it
 * cannot disturb other suites running at the same time.
 */
export async function startCluster(
  opts: {
    redisDb?: number;
    env?: Record<string, string>;
    sandboxLimits?: Record<string, number>;
    /** Delays between the sandbox's webhook retries (default the platform's [1000, 5000, 30000]). */
    deliveryRetryDelaysMs?: number[];
    /** The sandbox merges a receiver's webhook events within this window (default 0: one POST each). */
    webhookBatchWindowMs?: number;
    /**
     * Where the sandbox delivers webhooks, when not straight to the API (a test's recording proxy);
     * called once the API's URL is known.
     */
    webhookTarget?: (apiUrl: string) => string;
    /** An empty database elsewhere than the test server (a test's own PostgreSQL), dropped on close. */
    database?: { url: string; drop(): Promise<void> };
  } = {},
): Promise<Cluster> {
  const database = opts.database ?? (await emptyDatabase());
  const db = openPostgres(database.url, 2);
  await migrateDatabase(db);
  await db.close();
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const secrets = {
    metaAppId: '100000000000001',
    metaAppSecret: 'cluster-meta-app-secret',
    xClientId: 'cluster-x-client',
    xClientSecret: 'cluster-x-client-secret',
    xConsumerSecret: 'cluster-x-consumer-secret',
  };
  const sandboxSecret = `cluster-sandbox-${crypto.randomUUID()}`;
  const sandbox = await startSandboxServer({
    webhookTarget: opts.webhookTarget?.(apiUrl) ?? apiUrl,
    ...secrets,
    secret: sandboxSecret,
    ...(opts.sandboxLimits ? { limits: opts.sandboxLimits } : {}),
    ...(opts.deliveryRetryDelaysMs ? { deliveryRetryDelaysMs: opts.deliveryRetryDelaysMs } : {}),
    ...(opts.webhookBatchWindowMs ? { timing: { batchWindowMs: opts.webhookBatchWindowMs } } : {}),
  });
  const redisUrl = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${opts.redisDb ?? 0}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: apiUrl,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '10',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `rfc-${crypto.randomUUID().slice(0, 8)}`,
    JWT_SECRET: 'cluster-jwt-secret-that-is-long-enough-0123',
    MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
    SANDBOX: 'false',
    SEED_DEMO: 'false',
    META_APP_ID: secrets.metaAppId,
    META_APP_SECRET: secrets.metaAppSecret,
    X_CLIENT_ID: secrets.xClientId,
    X_CLIENT_SECRET: secrets.xClientSecret,
    X_CONSUMER_SECRET: secrets.xConsumerSecret,
    X_WEBHOOK_ID: webhookIdFor(sandboxSecret, `${apiUrl}/webhooks/twitter`),
    META_GRAPH_URL: `${sandbox.url}/meta/graph`,
    META_WEB_URL: `${sandbox.url}/meta/web`,
    X_API_URL: `${sandbox.url}/x/api`,
    X_WEB_URL: `${sandbox.url}/x/web`,
    SWEEP_AFTER_SECONDS: '3',
    SWEEP_INTERVAL_SECONDS: '1',
    ...opts.env,
  };
  const procs = new Set<Proc>();

  function launch(args: string[]): Proc {
    const clean = { ...process.env };
    for (const k of Object.keys(clean)) if (k in env || k === 'DATA_DIR') delete clean[k];
    const proc = spawn(NODE, [...nodeArgs(), CLI, ...args], {
      cwd: ROOT,
      env: { ...clean, ...env },
      stdio: 'pipe',
    });
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
      proc.once('exit', (code, signal) => res({ code, signal })),
    );
    const p: Proc = { proc, output: () => out, exited };
    procs.add(p);
    void exited.then(() => procs.delete(p));
    return p;
  }

  async function ready(p: Proc, check: () => Promise<boolean>): Promise<Proc> {
    const deadline = Date.now() + STARTUP_MS;
    while (Date.now() < deadline) {
      if (p.proc.exitCode !== null) throw new Error(`exited ${p.proc.exitCode}:\n${p.output()}`);
      if (await check().catch(() => false)) return p;
      await sleep(200);
    }
    throw new Error(`not ready within ${STARTUP_MS} ms:\n${p.output()}`);
  }

  return {
    apiUrl,
    sandboxUrl: sandbox.url,
    databaseUrl: database.url,
    redisUrl,
    env,
    startApi: () => ready(launch(['api']), async () => (await fetch(`${apiUrl}/readyz`)).status === 200),
    startWorker: (args = []) => {
      const p = launch(['worker', ...args]);
      return ready(p, async () => p.output().includes('is running'));
    },
    async close() {
      // SIGTERM first (a clean stop writes --cpu-prof profiles), SIGKILL whatever is left after 5 s.
      for (const p of procs) p.proc.kill('SIGTERM');
      const killer = setTimeout(() => {
        for (const p of procs) p.proc.kill('SIGKILL');
      }, 5_000);
      await Promise.all([...procs].map((p) => p.exited));
      clearTimeout(killer);
      await sandbox.close();
      if (!process.env.CLUSTER_KEEP_DATABASE) await database.drop();
      // Its queues too: a benchmark leaves thousands of jobs, and runs would pile up in Redis.
      await deleteKeys(redisUrl, `${env.QUEUE_PREFIX}:*`).catch(() => {});
    },
  };
}

/**
 * Node flags of the cluster's processes: those of the documented production command
 * (docs/operations.md) plus CLUSTER_NODE_ARGS, e.g. `--cpu-prof` to profile a benchmark.
 */
function nodeArgs(): string[] {
  return [
    '--max-semi-space-size=16',
    '--max-old-space-size=160',
    ...(process.env.CLUSTER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
}
