import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/api.ts';
import { type Cluster, type Proc, startCluster } from './helpers/cluster.ts';
import { databaseKinds, TEST_DATABASE_URL } from './helpers/databases.ts';
import { freePort } from './helpers/free-port.ts';
import { deleteKeys, redisAvailable } from './helpers/redis.ts';
import { call, connectThroughOAuth, type Json, type SpineServer } from './helpers/spine-server.ts';

/**
 * Invariants 1 and 2 under faults, on the deployed shape: `replyforce api` and `replyforce worker`
 * as separate processes on PostgreSQL and Redis, customers writing through the sandbox's signed
 * webhooks. Each scenario streams customer messages, breaks something mid-stream, and then checks
 * that every message the receiver accepted is stored once and answered exactly once.
 */

const PAGE = '1000000000000001';
/** The stream: ~20 messages a second from 40 customers. */
const MESSAGES = 200;
const CUSTOMERS = 40;
const STREAM_MS = 10_000;
/** How long the pipeline may take to answer everything after the stream (and the fault) ended. */
const SETTLE_MS = 60_000;
/** After the last reply, how long to keep watching for a late duplicate (sweeper: 3 s threshold, 1 s tick). */
const QUIET_MS = 4_000;
/** The Redis logical database of the flush scenario: nothing else in the suites uses it. */
const FLUSH_REDIS_DB = 11;
/** How long the restarted PostgreSQL stays down. */
const PG_DOWN_MS = 3_000;
/** The sandbox's webhook retries, shortened from Meta's so a refused delivery comes back within the test. */
const RETRIES_MS = [1_000, 2_000, 4_000, 8_000];
/** Per scenario: boot ~10 s, stream 10 s, settle at most SETTLE_MS, quiet period, checks. */
const SCENARIO_MS = 120_000;

const [pgOk, redisOk] = await Promise.all([
  databaseKinds().then((k) => k.includes('postgres')),
  redisAvailable(),
]);

type Delivery = { customer: string; text: string; mid: string | undefined; firstStatus: number | null };

/** The sandbox's view of a customer message and of what the business sent back. */
type ThreadEntry = { id: string; direction: 'in' | 'out'; status: string };
type SentEntry = { platform: string; accountId: string; customerId: string; metadata?: string; text: string };

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Registers a workspace on the API process and connects the sandbox Page through its consent page. */
async function connectWorkspace(c: Cluster): Promise<void> {
  // The spine helpers only need the server's base URL.
  const api = { base: c.apiUrl } as unknown as SpineServer;
  const reg = await call(api, 'POST', '/api/v1/auth/register', {
    body: {
      tenantName: 'Acme Coffee',
      name: 'Owner',
      email: `owner-${crypto.randomUUID().slice(0, 8)}@example.com`,
      password: PASSWORD,
    },
  });
  expect(reg.status, JSON.stringify(reg.json)).toBe(201);
  const connected = await connectThroughOAuth(api, reg.json.accessToken, 'facebook', { accounts: [PAGE] });
  expect(connected.status, JSON.stringify(connected.json)).toBe(200);
}

/**
 * Customers write through the sandbox (which signs and delivers Messenger webhooks to the API),
 * evenly spread over STREAM_MS; `midway` runs (without pausing the stream) halfway through.
 */
async function stream(c: Cluster, midway: () => Promise<void>): Promise<Delivery[]> {
  const run = crypto.randomUUID().slice(0, 6);
  const deliveries: Delivery[] = [];
  const inFlight: Promise<void>[] = [];
  let fault: Promise<void> | undefined;
  const start = Date.now();
  for (let i = 0; i < MESSAGES; i++) {
    const due = start + (i * STREAM_MS) / MESSAGES;
    if (due > Date.now()) await sleep(due - Date.now());
    if (i === MESSAGES / 2) fault = midway();
    const customer = `psid-${run}-${i % CUSTOMERS}`;
    const text = `Do you have oat milk today? (order ${i})`;
    inFlight.push(
      json(`${c.sandboxUrl}/control/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform: 'facebook', accountId: PAGE, customer: { id: customer }, text }),
      }).then(({ status, body }) => {
        expect(status, JSON.stringify(body)).toBe(200);
        deliveries.push({ customer, text, mid: body.eventId, firstStatus: body.status });
      }),
    );
  }
  await Promise.all(inFlight);
  await fault;
  return deliveries;
}

async function thread(c: Cluster, customer: string): Promise<ThreadEntry[]> {
  const q = new URLSearchParams({ platform: 'facebook', accountId: PAGE, customerId: customer });
  const res = await json(`${c.sandboxUrl}/control/threads?${q}`);
  expect(res.status).toBe(200);
  return res.body.messages;
}

async function sentLog(c: Cluster): Promise<SentEntry[]> {
  const res = await json(`${c.sandboxUrl}/control/sent?limit=10000`);
  expect(res.status).toBe(200);
  return (res.body.messages as SentEntry[]).filter((m) => m.platform === 'facebook' && m.accountId === PAGE);
}

/**
 * The customer messages the receiver accepted (answered 2xx on the first attempt or on one of the
 * sandbox's retries), by id, once the sandbox has no delivery left to retry.
 */
async function accepted(c: Cluster, deliveries: Delivery[]): Promise<Map<string, string>> {
  const customers = [...new Set(deliveries.map((d) => d.customer))];
  const deadline = Date.now() + RETRIES_MS.reduce((a, b) => a + b, 0) + 10_000;
  for (;;) {
    const entries = (
      await Promise.all(customers.map(async (id) => ({ id, t: await thread(c, id) })))
    ).flatMap(({ id, t }) => t.filter((e) => e.direction === 'in').map((e) => ({ ...e, customer: id })));
    const open = entries.filter((e) => e.status === 'pending' || e.status === 'retrying');
    if (open.length === 0) {
      const ok = new Map(entries.filter((e) => e.status === 'delivered').map((e) => [e.id, e.customer]));
      // What was answered 2xx the first time is of course among them.
      for (const d of deliveries)
        if (d.firstStatus !== null && d.firstStatus < 300) expect(ok.has(d.mid ?? '')).toBe(true);
      return ok;
    }
    if (Date.now() > deadline) throw new Error(`${open.length} webhook deliveries still being retried`);
    await sleep(500);
  }
}

/** Waits (bounded) until every accepted message has a reply in the sandbox and the database is settled. */
async function settled(c: Cluster, db: pg.Client, ok: Map<string, string>, procs: Proc[]): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  let state = '';
  for (;;) {
    const replies = (await sentLog(c)).length;
    const { rows } = await db.query<{ unfinished: number }>(
      `select (select count(*) from messages where direction = 'outbound' and status not in ('sent', 'delivered', 'read'))
            + (select count(*) from inbound_events where status = 'pending')
            + (select count(*) from messages where direction = 'inbound' and ai_analysis is null) as unfinished`,
    );
    const unfinished = Number(rows[0]?.unfinished);
    state = `${replies}/${ok.size} replies, ${unfinished} unfinished rows`;
    if (replies >= ok.size && unfinished === 0) break;
    if (Date.now() > deadline) {
      const logs = procs.map((p) => p.output().slice(-3000)).join('\n---\n');
      throw new Error(`not settled within ${SETTLE_MS} ms: ${state}\n${logs}`);
    }
    await sleep(500);
  }
  // A duplicate would come from a late re-dispatch: give the sweeper a few rounds to produce one.
  await sleep(QUIET_MS);
}

/** (a) one event and one message per accepted delivery, (b) exactly one reply each, all sent. */
async function expectStoredOnceAnsweredOnce(c: Cluster, db: pg.Client, ok: Map<string, string>) {
  const mids = [...ok.keys()].sort();

  const events = await db.query<{ platform_event_id: string; status: string }>(
    `select platform_event_id, status from inbound_events where kind = 'message'`,
  );
  expect(events.rows.map((r) => r.platform_event_id).sort()).toEqual(mids);
  expect(events.rows.filter((r) => r.status !== 'done')).toEqual([]);

  const inbound = await db.query<{ id: string; platform_message_id: string; event_id: string }>(
    `select m.id, m.platform_message_id, e.platform_event_id as event_id
       from messages m join inbound_events e on e.id = m.inbound_event_id
      where m.direction = 'inbound'`,
  );
  const inboundCount = await db.query<{ n: number }>(
    `select count(*)::int as n from messages where direction = 'inbound'`,
  );
  expect(inboundCount.rows[0]?.n).toBe(ok.size);
  expect(inbound.rows.map((r) => r.platform_message_id).sort()).toEqual(mids);
  for (const r of inbound.rows) expect(r.event_id).toBe(r.platform_message_id);

  const outbound = await db.query<{
    id: string;
    status: string;
    sender: string;
    idempotency_key: string | null;
    reply_to_message_id: string | null;
  }>(
    `select id, status, sender, idempotency_key, reply_to_message_id from messages where direction = 'outbound'`,
  );
  expect(outbound.rows).toHaveLength(ok.size);
  expect(outbound.rows.filter((r) => !['sent', 'delivered', 'read'].includes(r.status))).toEqual([]);
  expect(outbound.rows.filter((r) => r.sender !== 'ai')).toEqual([]);
  expect(outbound.rows.map((r) => r.reply_to_message_id).sort()).toEqual(
    inbound.rows.map((r) => r.id).sort(),
  );
  for (const r of outbound.rows) expect(r.idempotency_key).toBe(`auto:${r.reply_to_message_id}`);

  // What the platform received: one reply per accepted message, per customer, each a distinct
  // outbound row of ours (metadata = our message id).
  const sent = await sentLog(c);
  const perCustomer = (customers: Iterable<string>) => {
    const n = new Map<string, number>();
    for (const id of customers) n.set(id, (n.get(id) ?? 0) + 1);
    return Object.fromEntries([...n].sort(([a], [b]) => a.localeCompare(b)));
  };
  expect(perCustomer(sent.map((s) => s.customerId))).toEqual(perCustomer(ok.values()));
  const metadata = sent.map((s) => s.metadata ?? '(none)').sort();
  expect(metadata).toEqual(outbound.rows.map((r) => r.id).sort());
}

/** A recording proxy between the sandbox and the API that delivers every webhook three times. */
type Tripler = {
  url: string;
  target: string;
  statuses: (number | null)[];
  /** Non-200 answers by status and body, with how many times each came. */
  refusals: Record<string, number>;
  /** Resolves once every extra copy has had its answer. */
  drain(): Promise<void>;
  close(): Promise<void>;
};

async function startTripler(): Promise<Tripler> {
  const extras = new Set<Promise<void>>();
  const t: Tripler = {
    url: '',
    target: '',
    statuses: [],
    refusals: {},
    async drain() {
      while (extras.size > 0) await Promise.all(extras);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'user-agent', 'x-hub-signature-256', 'x-hub-signature']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    // The identical signed bytes, every time.
    const post = () =>
      fetch(`${t.target}${req.url}`, { method: req.method ?? 'POST', headers, body }).then(
        async (r) => {
          const answer = await r.text();
          if (r.status !== 200) {
            const key = `${r.status} ${answer.slice(0, 300)}`;
            t.refusals[key] = (t.refusals[key] ?? 0) + 1;
          }
          return r.status;
        },
        () => null,
      );
    // Two copies at once (a retry racing the original), then a third a moment later.
    const [first, second] = await Promise.all([post(), post()]);
    t.statuses.push(first, second);
    const third = sleep(100 + Math.random() * 900)
      .then(post)
      .then((s) => {
        t.statuses.push(s);
      });
    extras.add(third);
    void third.finally(() => extras.delete(third));
    res.writeHead(first ?? 502).end();
  });
  server.keepAliveTimeout = 1_000;
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.url = `http://127.0.0.1:${port}`;
  return t;
}

const run = promisify(execFile);

/**
 * A PostgreSQL server of this test's own (initdb in a temporary directory), so it can really be
 * stopped and started while the other suites keep using the shared one. Needs the server binaries
 * (/usr/lib/postgresql/<version>/bin, or PG_BINDIR); as root they run as the `postgres` user.
 */
type OwnPostgres = { url: string; restart(downMs: number): Promise<void>; close(): Promise<void> };

function postgresBinDir(): string | undefined {
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  return candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
}

async function startOwnPostgres(bin: string): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'rf-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    chownSync(dir, Number(uid.stdout), Number(gid.stdout));
  }
  const pgBin = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  const port = await freePort();
  const start = () =>
    pgBin('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  let stopped = false;
  try {
    await pgBin('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database replyforce_failures');
    await admin.end();
  } catch (err) {
    await pgBin('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/replyforce_failures`,
    async restart(downMs) {
      // A clean shutdown (what `pg_ctlcluster … restart` does), some time down, then up again.
      await pgBin('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      await sleep(downMs);
      await start();
    },
    async close() {
      if (stopped) return;
      stopped = true;
      await pgBin('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The restart scenario's server: one of our own when this machine can run one, else undefined and
 * the scenario falls back to `outage` on the shared server (said on the console).
 */
async function ownPostgres(): Promise<OwnPostgres | undefined> {
  const bin = postgresBinDir();
  if (!bin) {
    console.warn(
      'failures: no PostgreSQL server binaries here; the restart scenario cuts connections instead',
    );
    return undefined;
  }
  try {
    return await startOwnPostgres(bin);
  } catch (err) {
    console.warn(
      `failures: could not start a PostgreSQL server of our own (${(err as Error).message.split('\n')[0]}); ` +
        'the restart scenario cuts connections instead',
    );
    return undefined;
  }
}

/**
 * Without a server of our own, the closest stand-in for a restart on the shared
 * server: the database refuses new connections and every backend of it is terminated, for the
 * whole downtime — what clients see while PostgreSQL is down.
 */
async function outage(databaseUrl: string, downMs: number): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`alter database ${name} allow_connections false`);
    const until = Date.now() + downMs;
    while (Date.now() < until) {
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await sleep(100);
    }
  } finally {
    await admin.query(`alter database ${name} allow_connections true`);
    await admin.end();
  }
}

describe.skipIf(!(pgOk && redisOk))(
  'failures mid-stream: every accepted message stored once, answered once',
  () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const fn of cleanups.splice(0).reverse()) await fn().catch((err) => console.error('cleanup', err));
    });

    /** A cluster with one api and one worker process, and the workspace connected. */
    async function boot(opts: Parameters<typeof startCluster>[0] = {}) {
      const c = await startCluster(opts);
      cleanups.push(() => c.close());
      cleanups.push(() => deleteKeys(c.redisUrl, `${c.env.QUEUE_PREFIX}*`));
      const api = await c.startApi();
      const worker = await c.startWorker();
      await connectWorkspace(c);
      return { c, api, worker };
    }

    /** The test's own connection to the cluster's database (as its owner: RLS does not filter it). */
    async function inspect(c: Cluster): Promise<pg.Client> {
      const db = new pg.Client({ connectionString: c.databaseUrl });
      await db.connect();
      cleanups.push(() => db.end());
      return db;
    }

    it(
      'a worker killed with SIGKILL mid-stream: a new worker and the sweeper finish its work',
      async () => {
        const { c, api, worker } = await boot();
        let replacement: Proc | undefined;
        const deliveries = await stream(c, async () => {
          worker.proc.kill('SIGKILL');
          expect((await worker.exited).signal).toBe('SIGKILL');
          replacement = await c.startWorker();
        });
        expect(deliveries.filter((d) => d.firstStatus !== 200)).toEqual([]);
        const ok = await accepted(c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(c);
        await settled(c, db, ok, [api, ...(replacement ? [replacement] : [])]);
        await expectStoredOnceAnsweredOnce(c, db, ok);
        expect(api.proc.exitCode).toBeNull();
      },
      SCENARIO_MS,
    );

    it(
      'Redis flushed mid-stream: the sweeper re-dispatches from PostgreSQL',
      async () => {
        const { c, api, worker } = await boot({ redisDb: FLUSH_REDIS_DB });
        const redis = new Redis(c.redisUrl, { maxRetriesPerRequest: 1 });
        redis.on('error', () => {});
        cleanups.push(async () => {
          await redis.flushdb();
          redis.disconnect();
        });
        const deliveries = await stream(c, async () => {
          expect(await redis.dbsize()).toBeGreaterThan(0);
          expect(await redis.flushdb()).toBe('OK'); // this cluster's logical database only, never FLUSHALL
        });
        expect(deliveries.filter((d) => d.firstStatus !== 200)).toEqual([]);
        const ok = await accepted(c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(c);
        await settled(c, db, ok, [api, worker]);
        await expectStoredOnceAnsweredOnce(c, db, ok);
        expect(api.proc.exitCode).toBeNull();
        expect(worker.proc.exitCode).toBeNull();
      },
      SCENARIO_MS,
    );

    it(
      'PostgreSQL restarted mid-stream: refused webhooks come back, nothing accepted is lost',
      async () => {
        const own = await ownPostgres();
        if (own) cleanups.push(() => own.close());
        const { c, api, worker } = await boot({
          deliveryRetryDelaysMs: RETRIES_MS,
          ...(own ? { database: { url: own.url, drop: async () => {} } } : {}),
        });
        let downFrom = 0;
        let downUntil = 0;
        const deliveries = await stream(c, async () => {
          downFrom = Date.now();
          if (own) await own.restart(PG_DOWN_MS);
          else await outage(c.databaseUrl, PG_DOWN_MS);
          downUntil = Date.now();
        });
        expect(downUntil - downFrom).toBeGreaterThanOrEqual(PG_DOWN_MS);
        // While it was down the receiver refused (non-2xx), so the platform kept the events and retried.
        const refused = deliveries.filter((d) => d.firstStatus === null || d.firstStatus >= 300);
        expect(refused.length).toBeGreaterThan(0);
        const ok = await accepted(c, deliveries);
        // The retries got every refused delivery in.
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(c);
        await settled(c, db, ok, [api, worker]);
        await expectStoredOnceAnsweredOnce(c, db, ok);
        expect(api.proc.exitCode).toBeNull();
        expect(worker.proc.exitCode).toBeNull();
      },
      SCENARIO_MS,
    );

    it(
      'every webhook delivered three times (two at once, one a moment later): one message and one reply each',
      async () => {
        const tripler = await startTripler();
        cleanups.push(() => tripler.close());
        const { c, api, worker } = await boot({
          webhookTarget: (apiUrl) => {
            tripler.target = apiUrl;
            return tripler.url;
          },
        });
        const deliveries = await stream(c, async () => {});
        expect(deliveries.filter((d) => d.firstStatus !== 200)).toEqual([]);
        const ok = await accepted(c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(c);
        await settled(c, db, ok, [api, worker]);
        await tripler.drain();
        await expectStoredOnceAnsweredOnce(c, db, ok);
        // Every copy of every webhook (customer messages, echoes, delivery and read receipts) is acknowledged.
        expect(tripler.statuses.length).toBeGreaterThanOrEqual(3 * MESSAGES);
        expect(tripler.refusals).toEqual({});
      },
      SCENARIO_MS,
    );
  },
);
