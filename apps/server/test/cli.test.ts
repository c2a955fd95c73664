import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDatabase, REQUIRE_SERVICES, TEST_DATABASE_URL } from './helpers/databases.ts';
import { freePort } from './helpers/free-port.ts';
import { redisAvailable, TEST_REDIS_URL } from './helpers/redis.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const STARTUP_MS = 60_000;
/** The default SHUTDOWN_TIMEOUT_MS, plus slack for a loaded machine. */
const SHUTDOWN_MS = 15_000;
const DEMO_PASSWORD = 'demo-password';

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Cli = { proc: ChildProcess; stdout(): string; stderr(): string; exited: Promise<Exit> };

const running = new Set<Cli>();
const tempDirs: string[] = [];

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rf-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** The caller's environment without anything that would leave embedded defaults. */
function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'REDIS_URL',
    'JWT_SECRET',
    'MASTER_KEY',
    'PUBLIC_URL',
    'SEED_DEMO',
    'HOST',
    'PORT',
    'DATA_DIR',
  ]) {
    delete e[name];
  }
  return { ...e, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
}

function cli(args: string[], env: Record<string, string>): Cli {
  const proc = spawn(NODE, ['apps/server/src/cli.ts', ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<Exit>((res) => proc.once('exit', (code, signal) => res({ code, signal })));
  const c: Cli = { proc, stdout: () => out, stderr: () => err, exited };
  running.add(c);
  void exited.then(() => running.delete(c));
  return c;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what}: nothing after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs a command that is expected to exit by itself. */
async function runToExit(
  args: string[],
  env: Record<string, string>,
): Promise<Exit & { stdout: string; stderr: string }> {
  const c = cli(args, env);
  const exit = await within(c.exited, STARTUP_MS, `replyforce ${args.join(' ')}`);
  return { ...exit, stdout: c.stdout(), stderr: c.stderr() };
}

/** Polls until the process answers `path` with 200, failing early if it exits. */
async function waitForHttp(c: Cli, url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  let exit: Exit | undefined;
  void c.exited.then((e) => {
    exit = e;
  });
  while (Date.now() < deadline) {
    if (exit) throw new Error(`exited with ${JSON.stringify(exit)} before answering ${url}\n${c.stderr()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(
    `no 200 from ${url} within ${STARTUP_MS} ms\nstdout:\n${c.stdout()}\nstderr:\n${c.stderr()}`,
  );
}

/** Polls stdout until it contains `text` (the banner is printed once the process is ready). */
async function waitForOutput(c: Cli, text: string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (c.stdout().includes(text)) return;
    if (c.proc.exitCode !== null) throw new Error(`exited with ${c.proc.exitCode}\n${c.stderr()}`);
    await sleep(250);
  }
  throw new Error(
    `'${text}' not printed within ${STARTUP_MS} ms\nstdout:\n${c.stdout()}\nstderr:\n${c.stderr()}`,
  );
}

async function stop(c: Cli): Promise<Exit> {
  c.proc.kill('SIGTERM');
  return within(c.exited, SHUTDOWN_MS, 'shutdown after SIGTERM');
}

async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function killAll(): Promise<void> {
  for (const c of running) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  }
  await Promise.allSettled([...running].map((c) => c.exited));
}

afterEach(killAll);
afterAll(async () => {
  await killAll();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('replyforce CLI on embedded defaults', () => {
  let dataDir: string;
  let port: number;
  let base: string;
  beforeEach(async () => {
    dataDir = freshDataDir();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });

  it('refuses a bad PORT with exit code 1, naming PORT and what it expects', async () => {
    const r = await runToExit(['start'], { DATA_DIR: dataDir, PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toMatch(/whole number from 0 to 65535/);
    expect(r.stdout).not.toContain('is running');
  });

  it('starts, prints the URL and the demo logins, serves them, and stops cleanly on SIGTERM', async () => {
    const c = cli(['start'], { DATA_DIR: dataDir, PORT: String(port) });
    await waitForHttp(c, `${base}/healthz`);
    await waitForOutput(c, 'is running');

    const out = c.stdout();
    expect(out).toContain(`http://localhost:${port}`);
    expect(out).toContain('admin@acme.test');
    expect(out).toContain('agent@acme.test');
    expect(out).toContain(DEMO_PASSWORD);
    expect(out).toContain(dataDir);

    const health = await api(base, 'GET', '/healthz');
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await api(base, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', checks: { database: 'ok', redis: 'not_configured' } });

    for (const email of ['admin@acme.test', 'agent@acme.test']) {
      const login = await api(base, 'POST', '/api/v1/auth/login', { email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ user: { email }, tenant: { name: 'Acme Coffee' } });
    }
    const wrong = await api(base, 'POST', '/api/v1/auth/login', {
      email: 'admin@acme.test',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);

    const exit = await stop(c);
    expect(exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 120_000);

  it('keeps workspaces, sessions and the demo seed across a restart on the same DATA_DIR', async () => {
    const first = cli(['start'], { DATA_DIR: dataDir, PORT: String(port) });
    await waitForHttp(first, `${base}/healthz`);
    const email = `owner-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const registered = await api(base, 'POST', '/api/v1/auth/register', {
      tenantName: 'Bean There',
      name: 'Bea Owner',
      email,
      password: 'correct-horse-battery',
    });
    expect(registered.status).toBe(201);
    const oldToken = registered.body?.accessToken as string;
    expect(await stop(first)).toEqual({ code: 0, signal: null });

    const port2 = await freePort();
    const base2 = `http://127.0.0.1:${port2}`;
    const second = cli(['start'], { DATA_DIR: dataDir, PORT: String(port2) });
    await waitForHttp(second, `${base2}/healthz`);

    const login = await api(base2, 'POST', '/api/v1/auth/login', {
      email,
      password: 'correct-horse-battery',
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { email }, tenant: { name: 'Bean There' } });

    // The signing key lives in DATA_DIR, so a session from before the restart is still valid.
    const me = await api(base2, 'GET', '/api/v1/auth/me', undefined, oldToken);
    expect(me.status).toBe(200);

    const admin = await api(base2, 'POST', '/api/v1/auth/login', {
      email: 'admin@acme.test',
      password: DEMO_PASSWORD,
    });
    expect(admin.status).toBe(200);
    const members = await api(
      base2,
      'GET',
      '/api/v1/team/members',
      undefined,
      admin.body?.accessToken as string,
    );
    expect(members.status).toBe(200);
    const items = members.body?.items as { email: string }[];
    expect(items.map((m) => m.email).sort()).toEqual(['admin@acme.test', 'agent@acme.test']);

    expect(await stop(second)).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('migrate applies the migrations to a fresh DATA_DIR and exits 0', async () => {
    const r = await runToExit(['migrate'], { DATA_DIR: dataDir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/migrations applied/);
    expect(r.stdout).toContain(dataDir);
  }, 90_000);

  it.each(['api', 'worker'])(
    '%s alone exits 1 explaining it needs DATABASE_URL and REDIS_URL',
    async (role) => {
      const r = await runToExit([role], { DATA_DIR: dataDir, PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('DATABASE_URL');
      expect(r.stderr).toContain('REDIS_URL');
    },
  );

  it('exits 1 naming the address when PORT is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(port, '127.0.0.1', res));
    try {
      const r = await runToExit(['start'], { DATA_DIR: dataDir, PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/EADDRINUSE|in use/);
      expect(r.stderr).toContain(String(port));
    } finally {
      await new Promise((res) => blocker.close(res));
    }
  }, 90_000);

  it('rejects an unknown command with its usage', async () => {
    const r = await runToExit(['strat'], { DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'strat'");
    expect(r.stderr).toMatch(/usage: replyforce/);
  });
});

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function servicesAvailable(): Promise<boolean> {
  const [pgOk, redisOk] = await Promise.all([postgresReachable(), redisAvailable()]);
  if (pgOk && redisOk) return true;
  if (!pgOk && REQUIRE_SERVICES)
    throw new Error(`REQUIRE_SERVICES=1 but PostgreSQL is unreachable at ${TEST_DATABASE_URL}`);
  console.warn('PostgreSQL or Redis unreachable: the api/worker CLI suite is skipped');
  return false;
}

const hasServices = await servicesAvailable();

describe.skipIf(!hasServices)('replyforce CLI on PostgreSQL and Redis', () => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let env: Record<string, string>;
  let port: number;
  let base: string;

  beforeEach(async () => {
    database = await emptyDatabase();
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      DATA_DIR: freshDataDir(),
      PORT: String(port),
      PUBLIC_URL: base,
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: `cli-test-secret-${crypto.randomUUID()}`,
      MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
    };
  });
  afterEach(async () => {
    await killAll();
    await database.drop();
  });

  it('api refuses an unmigrated database; after migrate, api and worker run as separate processes', async () => {
    const early = await runToExit(['api'], env);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/migrat/);
    expect(early.stderr).toContain('migrate');

    const migrated = await runToExit(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/migrations applied \(PostgreSQL\)/);

    const bogus = await runToExit(['worker', '--queues', 'mail,nope'], env);
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toMatch(/--queues expects a comma-separated list of: inbound, ai, outbound, mail/);

    const apiProc = cli(['api'], env);
    // A worker dedicated to some queues: the mail below is still delivered.
    const workerProc = cli(['worker', '--queues', 'mail,inbound'], env);
    await waitForHttp(apiProc, `${base}/healthz`);
    await waitForOutput(workerProc, '(worker) is running');
    await waitForOutput(apiProc, '(api) is running');
    expect(workerProc.stdout()).not.toContain('dashboard');

    const ready = await api(base, 'GET', '/readyz');
    expect(ready).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'ok', redis: 'ok' } } });

    // Work crosses processes: the api queues an invitation mail, the worker delivers it.
    const owner = await api(base, 'POST', '/api/v1/auth/register', {
      tenantName: 'Split Roast',
      name: 'Sam Owner',
      email: `sam-${crypto.randomUUID().slice(0, 8)}@example.test`,
      password: 'correct-horse-battery',
    });
    expect(owner.status).toBe(201);
    const token = owner.body?.accessToken as string;
    const invited = await api(
      base,
      'POST',
      '/api/v1/team/invitations',
      { email: 'newbie@example.test', role: 'agent' },
      token,
    );
    expect(invited.status).toBe(201);
    const deadline = Date.now() + 30_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      const outbox = await api(base, 'GET', '/api/v1/outbox', undefined, token);
      const mail = (outbox.body?.items as { to: string; status: string }[] | undefined)?.find(
        (m) => m.to === 'newbie@example.test',
      );
      status = mail?.status;
      if (status === 'delivered') break;
      await sleep(250);
    }
    expect(status).toBe('delivered');

    const [apiExit, workerExit] = await Promise.all([stop(apiProc), stop(workerProc)]);
    expect(apiExit).toEqual({ code: 0, signal: null });
    expect(workerExit).toEqual({ code: 0, signal: null });
  }, 240_000);
});
