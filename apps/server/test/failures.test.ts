import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './helpers/api.ts';
import { type Cluster, type Proc, startCluster } from './helpers/cluster.ts';
import { databaseKinds, TEST_DATABASE_URL } from './helpers/databases.ts';
import { freePort } from './helpers/free-port.ts';
import { deleteKeys, redisAvailable } from './helpers/redis.ts';
import { call, connectThroughOAuth, type Json, type SpineServer } from './helpers/spine-server.ts';

/**
 * Invariants 1 and 2 under faults, on the deployed shape: `replyforce api` and `replyforce worker`
 * as separate processes on PostgreSQL and Redis, customers writing through the sandbox's signed
 * Messenger webhooks. Each scenario streams customer messages, breaks something mid-stream, and
 * then checks that every message the receiver accepted is stored once and answered exactly once.
 * The scenarios run two at a time, each on its own cluster: most of their time is waiting, and
 * four clusters at once overload two cores (webhook deliveries start timing out).
 */

const PAGE = '1000000000000001';
/** The stream: 20 messages a second for 10 s from 40 customers. */
const MESSAGES = 200;
const CUSTOMERS = 40;
const STREAM_MS = 10_000;
/**
 * How long the pipeline may take to answer everything once the stream (and the fault) ended. A
 * worker killed mid-job leaves its BullMQ jobs locked for up to 15 s, and the stalled check that
 * gives them back runs every 5 s (the sweeper cannot re-dispatch them: their ids are taken), so
 * its work comes back after about 20 s.
 */
const SETTLE_MS = 60_000;
/** After the last reply, how long to keep watching for a late duplicate (sweeper: 3 s threshold, 1 s tick). */
const QUIET_MS = 4_000;
/** The Redis logical database of the flush scenario; nothing else in the suites uses it. */
const FLUSH_REDIS_DB = 11;
/** How long the restarted PostgreSQL stays down. */
const PG_DOWN_MS = 3_000;
/**
 * The sandbox's webhook retries, shortened from Meta's so a refused delivery comes back within the
 * test. A message counts as accepted once one of its deliveries got a 2xx; under load a first
 * delivery may time out in any scenario, and the retry still brings it in.
 */
const RETRIES_MS = [1_000, 2_000, 4_000, 8_000];
/** Per scenario: boot, stream, webhook retries, at most SETTLE_MS, the quiet period, the checks. */
const SCENARIO_MS = 180_000;

const [pgOk, redisOk] = await Promise.all([
  databaseKinds().then((k) => k.includes('postgres')),
  redisAvailable(),
]);

/** One scenario's resources (released in reverse order, even on failure) and its phase timings. */
type Scenario = {
  cleanups: (() => Promise<unknown>)[];
  phases: string[];
  mark(phase: string): void;
};

const unreleased = new Set<Scenario>();

async function release(s: Scenario): Promise<void> {
  unreleased.delete(s);
  for (const fn of s.cleanups.splice(0).reverse())
    await fn().catch((err) => console.error('failures: cleanup', err));
}

/** A test whose scenario is always released; it prints how long each phase took (CI logs show where time goes). */
function scenario(name: string, body: (s: Scenario) => Promise<void>) {
  it.concurrent(
    name,
    async () => {
      let last = Date.now();
      const s: Scenario = {
        cleanups: [],
        phases: [],
        mark(phase) {
          s.phases.push(`${phase} ${((Date.now() - last) / 1000).toFixed(1)}s`);
          last = Date.now();
        },
      };
      unreleased.add(s);
      try {
        await body(s);
      } finally {
        console.log(`failures: ${name}: ${s.phases.join(', ')}`);
        await release(s);
      }
    },
    SCENARIO_MS,
  );
}

/** One customer message and what the receiver answered to its first delivery (`error` when none). */
type Delivery = { customer: string; mid: string; firstStatus: number | null; error?: string };
type ThreadEntry = { id: string; direction: 'in' | 'out'; status: string };
type SentEntry = { platform: string; accountId: string; customerId: string; metadata?: string };

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A cluster (one api, one worker process) with a workspace that connected the sandbox Page by OAuth. */
async function boot(s: Scenario, opts: Parameters<typeof startCluster>[0] = {}) {
  const c = await startCluster({ deliveryRetryDelaysMs: RETRIES_MS, ...opts });
  s.cleanups.push(async () => {
    await c.close();
    await deleteKeys(c.redisUrl, `${c.env.QUEUE_PREFIX}*`);
  });
  const [api, worker] = await Promise.all([c.startApi(), c.startWorker()]);
  // The spine helpers only need the server's base URL.
  const server = { base: c.apiUrl } as unknown as SpineServer;
  const reg = await call(server, 'POST', '/api/v1/auth/register', {
    body: {
      tenantName: 'Acme Coffee',
      name: 'Owner',
      email: `owner-${crypto.randomUUID().slice(0, 8)}@example.com`,
      password: PASSWORD,
    },
  });
  expect(reg.status, JSON.stringify(reg.json)).toBe(201);
  const connected = await connectThroughOAuth(server, reg.json.accessToken, 'facebook', { accounts: [PAGE] });
  expect(connected.status, JSON.stringify(connected.json)).toBe(200);
  // A question the business answers itself (without it the AI hands the customer to a person and
  // later messages wait for that person): this suite is about delivery, not about the AI's choices.
  const faq = await call(server, 'POST', '/api/v1/kb/items', {
    token: reg.json.accessToken,
    body: {
      kind: 'faq',
      question: 'Do you have oat milk?',
      body: 'Yes, oat milk is available for every drink.',
    },
  });
  expect(faq.status, JSON.stringify(faq.json)).toBe(201);
  s.mark('boot');
  return { c, api, worker };
}

/** The test's own connection to the cluster's database, as its owner (row-level security does not filter it). */
async function inspect(s: Scenario, c: Cluster): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: c.databaseUrl });
  await db.connect();
  s.cleanups.push(() => db.end());
  return db;
}

/**
 * Customers write through the sandbox, which signs and delivers Messenger webhooks to the API,
 * evenly over STREAM_MS; `midway` runs halfway through, without pausing the stream.
 */
async function stream(s: Scenario, c: Cluster, midway: () => Promise<void>): Promise<Delivery[]> {
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
    inFlight.push(
      json(`${c.sandboxUrl}/control/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          platform: 'facebook',
          accountId: PAGE,
          customer: { id: customer },
          text: `Do you have oat milk today? (order ${i})`,
        }),
      }).then(({ status, body }) => {
        expect(status, JSON.stringify(body)).toBe(200);
        deliveries.push({
          customer,
          mid: body.eventId,
          firstStatus: body.status,
          ...(body.error ? { error: body.error } : {}),
        });
      }),
    );
  }
  await Promise.all(inFlight);
  await fault;
  s.mark('stream');
  const refused = deliveries.filter((d) => d.firstStatus === null || d.firstStatus >= 300).length;
  if (refused > 0) s.phases.push(`${refused} first deliveries refused`);
  return deliveries;
}

async function thread(c: Cluster, customer: string): Promise<ThreadEntry[]> {
  const q = new URLSearchParams({ platform: 'facebook', accountId: PAGE, customerId: customer });
  const res = await json(`${c.sandboxUrl}/control/threads?${q}`);
  expect(res.status).toBe(200);
  return res.body.messages;
}

/** Every reply the sandbox Page accepted from the business. */
async function sentLog(c: Cluster): Promise<SentEntry[]> {
  const res = await json(`${c.sandboxUrl}/control/sent?limit=10000`);
  expect(res.status).toBe(200);
  return (res.body.messages as SentEntry[]).filter((m) => m.platform === 'facebook' && m.accountId === PAGE);
}

/**
 * The customer messages the receiver accepted (2xx on the first delivery or on one of the sandbox's
 * retries), id → customer, once the sandbox has no delivery left to retry.
 */
async function accepted(s: Scenario, c: Cluster, deliveries: Delivery[]): Promise<Map<string, string>> {
  const customers = [...new Set(deliveries.map((d) => d.customer))];
  const deadline = Date.now() + RETRIES_MS.reduce((a, b) => a + b, 0) + 10_000;
  for (;;) {
    const threads = await Promise.all(customers.map(async (id) => ({ id, entries: await thread(c, id) })));
    const inbound = threads.flatMap(({ id, entries }) =>
      entries.filter((e) => e.direction === 'in').map((e) => ({ ...e, customer: id })),
    );
    const open = inbound.filter((e) => e.status === 'pending' || e.status === 'retrying');
    if (open.length === 0) {
      const ok = new Map(inbound.filter((e) => e.status === 'delivered').map((e) => [e.id, e.customer]));
      for (const d of deliveries)
        if (d.firstStatus !== null && d.firstStatus < 300) expect(ok.has(d.mid)).toBe(true);
      s.mark('webhook retries');
      return ok;
    }
    if (Date.now() > deadline) throw new Error(`${open.length} webhook deliveries still being retried`);
    await sleep(1_000);
  }
}

/** What is still unfinished, in the database and in the queues (for the settle loop and its failure message). */
async function backlog(
  c: Cluster,
  db: pg.Client,
  withQueues = false,
): Promise<{ unfinished: number; detail: string }> {
  const { rows } = await db.query<{ what: string; n: number }>(
    `select 'outbound ' || status as what, count(*)::int as n from messages
      where direction = 'outbound' and status not in ('sent', 'delivered', 'read') group by status
     union all
     select 'inbound_events ' || kind || ' ' || status, count(*)::int from inbound_events
      where status <> 'done' group by kind, status
     union all
     select 'inbound messages undecided', count(*)::int from messages
      where direction = 'inbound' and ai_analysis is null having count(*) > 0`,
  );
  const queues: string[] = [];
  if (withQueues) {
    const redis = new Redis(c.redisUrl, { maxRetriesPerRequest: 1 });
    redis.on('error', () => {});
    try {
      for (const q of ['inbound', 'ai', 'outbound']) {
        const key = `${c.env.QUEUE_PREFIX}:{${q}}`;
        const [active, waiting, delayed] = await Promise.all([
          redis.lrange(`${key}:active`, 0, -1),
          redis.llen(`${key}:wait`),
          redis.zcard(`${key}:delayed`),
        ]);
        // For a job that stays active: is it locked (by whom, for how long), marked stalled, retried?
        const jobs = await Promise.all(
          active.slice(0, 3).map(async (id) => {
            const [lockTtl, stalled, job] = await Promise.all([
              redis.pttl(`${key}:${id}:lock`),
              redis.sismember(`${key}:stalled`, id),
              redis.hmget(`${key}:${id}`, 'atm', 'ats', 'stc', 'processedOn', 'timestamp'),
            ]);
            const [atm, ats, stc, processedOn, timestamp] = job;
            return `${id} lock ${lockTtl} ms, stalled-set ${stalled}, made ${atm} started ${ats} stalls ${stc}, added ${timestamp} processed ${processedOn}`;
          }),
        );
        queues.push(
          `${q} active ${active.length} waiting ${waiting} delayed ${delayed}${jobs.length ? ` [${jobs.join('; ')}]` : ''}`,
        );
      }
    } finally {
      redis.disconnect();
    }
  }
  return {
    unfinished: rows.reduce((n, r) => n + r.n, 0),
    detail: `${rows.map((r) => `${r.what}: ${r.n}`).join(', ') || 'no unfinished rows'}; queues: ${queues.join(', ')}`,
  };
}

/**
 * Waits (bounded) until the sandbox holds a reply for every accepted message and the database has
 * nothing unfinished, then a few sweeper rounds more, so a late duplicate would show.
 */
async function settled(
  s: Scenario,
  c: Cluster,
  db: pg.Client,
  ok: Map<string, string>,
  procs: () => Proc[],
): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const replies = (await sentLog(c)).length;
    const { unfinished } = await backlog(c, db);
    if (replies >= ok.size && unfinished === 0) break;
    if (Date.now() > deadline) {
      const { detail } = await backlog(c, db, true);
      const logs = procs()
        .map((p) => p.output().slice(-3000))
        .join('\n---\n');
      throw new Error(
        `not settled within ${SETTLE_MS} ms: ${replies}/${ok.size} replies; ${detail}\n${logs}`,
      );
    }
    await sleep(1_000);
  }
  s.mark('until answered');
  await sleep(QUIET_MS);
  s.mark('quiet');
}

/** (a) one event and one message per accepted delivery, (b) exactly one reply each, all sent. */
async function expectStoredOnceAnsweredOnce(c: Cluster, db: pg.Client, ok: Map<string, string>) {
  const mids = [...ok.keys()].sort();

  const events = await db.query<{ platform_event_id: string; status: string }>(
    `select platform_event_id, status from inbound_events where kind = 'message'`,
  );
  expect(events.rows.map((r) => r.platform_event_id).sort()).toEqual(mids);
  expect(events.rows.filter((r) => r.status !== 'done')).toEqual([]);

  const inbound = await db.query<{ id: string; platform_message_id: string; event_id: string | null }>(
    `select m.id, m.platform_message_id, e.platform_event_id as event_id
       from messages m left join inbound_events e on e.id = m.inbound_event_id
      where m.direction = 'inbound'`,
  );
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
  expect(outbound.rows.filter((r) => !['sent', 'delivered', 'read'].includes(r.status))).toEqual([]);
  expect(outbound.rows.filter((r) => r.sender !== 'ai')).toEqual([]);
  expect(outbound.rows.map((r) => r.reply_to_message_id).sort()).toEqual(
    inbound.rows.map((r) => r.id).sort(),
  );
  for (const r of outbound.rows) expect(r.idempotency_key).toBe(`auto:${r.reply_to_message_id}`);

  // What the platform received: per customer, as many replies as accepted messages, each a distinct
  // outbound row of ours (metadata = our message id). A reply sent twice is reported with its row.
  const sent = await sentLog(c);
  const times = new Map<string, number>();
  for (const m of sent) times.set(m.metadata ?? '(none)', (times.get(m.metadata ?? '(none)') ?? 0) + 1);
  const twice = [...times].filter(([, n]) => n > 1).map(([id]) => id);
  const rows = twice.length
    ? (
        await db.query(
          `select id, status, attempts, created_at, sent_at, error_kind from messages where id = any($1::uuid[])`,
          [twice.filter((id) => /^[0-9a-f-]{36}$/.test(id))],
        )
      ).rows
    : [];
  expect(
    twice.map((id) => ({ metadata: id, sent: times.get(id), row: rows.find((r) => r.id === id) })),
  ).toEqual([]);
  const perCustomer = (customers: Iterable<string>) => {
    const n = new Map<string, number>();
    for (const id of customers) n.set(id, (n.get(id) ?? 0) + 1);
    return Object.fromEntries([...n].sort(([a], [b]) => a.localeCompare(b)));
  };
  expect(perCustomer(sent.map((m) => m.customerId))).toEqual(perCustomer(ok.values()));
  expect(sent.map((m) => m.metadata ?? '(none)').sort()).toEqual(outbound.rows.map((r) => r.id).sort());
}

/**
 * Restarts a process of `role` that exits on its own, as a process manager would, so the scenario
 * can still check what was stored and sent; each exit is recorded (and fails the test).
 */
function supervise(s: Scenario, c: Cluster, first: Proc, role: 'api' | 'worker') {
  const crashes: string[] = [];
  let current = first;
  let stopped = false;
  let restarting: Promise<void> = Promise.resolve();
  const restart = async () => {
    // A start while PostgreSQL is still down fails: try again every second.
    for (let n = 0; n < 60 && !stopped; n++) {
      const next = await (role === 'api' ? c.startApi() : c.startWorker()).catch(() => undefined);
      if (next) {
        current = next;
        if (stopped) next.proc.kill('SIGKILL');
        else watch(next);
        return;
      }
      await sleep(1_000);
    }
  };
  const watch = (p: Proc) =>
    void p.exited.then(({ code, signal }) => {
      if (stopped) return;
      crashes.push(`the ${role} process exited (${code ?? signal}):\n${p.output().slice(-2000)}`);
      restarting = restart();
    });
  watch(first);
  s.cleanups.push(async () => {
    stopped = true;
    await restarting;
  });
  return { crashes, current: () => current };
}

/** A proxy between the sandbox and the API that delivers every webhook three times. */
type Tripler = {
  url: string;
  /** Where the copies go (the API), set once the cluster knows it. */
  target: string;
  answers: number;
  /** Non-200 answers, by status and body, with how often each came. */
  refusals: Record<string, number>;
  /** Resolves once every late copy has had its answer. */
  drain(): Promise<void>;
  close(): Promise<void>;
};

async function startTripler(): Promise<Tripler> {
  const late = new Set<Promise<unknown>>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'user-agent', 'x-hub-signature-256', 'x-hub-signature']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    // The identical signed bytes every time, as a platform retry sends them.
    const post = async (): Promise<number | null> => {
      const answer = await fetch(`${t.target}${req.url}`, { method: 'POST', headers, body }).then(
        async (r) => ({ status: r.status, text: await r.text() }),
        (err: Error) => ({ status: null, text: err.message }),
      );
      t.answers++;
      if (answer.status !== 200) {
        const key = `${answer.status} ${answer.text.slice(0, 300)}`;
        t.refusals[key] = (t.refusals[key] ?? 0) + 1;
      }
      return answer.status;
    };
    // Two copies at once (a retry racing the original), a third a moment later.
    const [first] = await Promise.all([post(), post()]);
    const third = sleep(100 + Math.random() * 900).then(post);
    late.add(third);
    void third.finally(() => late.delete(third));
    res.writeHead(first ?? 502).end();
  });
  const t: Tripler = {
    url: '',
    target: '',
    answers: 0,
    refusals: {},
    async drain() {
      while (late.size > 0) await Promise.all(late);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.url = `http://127.0.0.1:${port}`;
  return t;
}

/** Kills the worker with SIGKILL as soon as it is in the middle of a job (or after 3 s regardless). */
async function killMidJob(c: Cluster, worker: Proc): Promise<number> {
  const redis = new Redis(c.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  let active = 0;
  try {
    const until = Date.now() + 3_000;
    while (active === 0 && Date.now() < until) {
      const counts = await Promise.all(
        ['inbound', 'ai', 'outbound'].map((q) => redis.llen(`${c.env.QUEUE_PREFIX}:{${q}}:active`)),
      );
      active = counts.reduce((a, b) => a + b, 0);
      if (active === 0) await sleep(2);
    }
  } finally {
    redis.disconnect();
  }
  worker.proc.kill('SIGKILL');
  expect((await worker.exited).signal).toBe('SIGKILL');
  return active;
}

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory), so it can really be
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
  const pgBin = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);
  const port = await freePort();
  const start = () =>
    pgBin('pg_ctl', [
      ...['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60'],
      ...['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start'],
    ]);
  const stop = (mode: 'fast' | 'immediate') => pgBin('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  try {
    if (asRoot) {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      chownSync(dir, Number(uid.stdout), Number(gid.stdout));
    }
    await pgBin('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database replyforce_failures');
    await admin.end();
  } catch (err) {
    await stop('immediate').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/replyforce_failures`,
    async restart(downMs) {
      // A clean shutdown (as `pg_ctlcluster … restart` does), some time down, then up again.
      await stop('fast');
      await sleep(downMs);
      await start();
    },
    async close() {
      await stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The restart scenario's server: one of its own when this machine can run one; otherwise undefined,
 * and the scenario falls back to `outage` on the shared server (and says so on the console).
 */
async function ownPostgres(): Promise<OwnPostgres | undefined> {
  const bin = postgresBinDir();
  const fallback = 'the restart scenario cuts the connections of its database on the shared server instead';
  if (!bin) {
    console.warn(`failures: no PostgreSQL server binaries here; ${fallback}`);
    return undefined;
  }
  try {
    return await startOwnPostgres(bin);
  } catch (err) {
    const why = (err as { stderr?: string }).stderr?.trim().split('\n')[0] ?? (err as Error).message;
    console.warn(`failures: could not start a PostgreSQL server of our own (${why}); ${fallback}`);
    return undefined;
  }
}

/**
 * Without a server of its own, the closest stand-in for a restart on the shared server: for the
 * whole downtime the database refuses new connections and every backend of it is terminated —
 * what clients see while PostgreSQL is down. Other databases on the server are not touched.
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
    // A scenario that timed out is still running its body; whatever it holds goes here at the latest.
    afterAll(() => Promise.all([...unreleased].map(release)));

    // Two at a time: the two that wait long (for a killed or crashed worker's locked jobs), then
    // the two short ones.
    describe('a worker killed; PostgreSQL restarted', () => {
      scenario('a worker killed with SIGKILL mid-job: a new worker finishes its work', async (s) => {
        const { c, api, worker } = await boot(s);
        let replacement: Proc | undefined;
        let activeAtKill = 0;
        const deliveries = await stream(s, c, async () => {
          activeAtKill = await killMidJob(c, worker);
          replacement = await c.startWorker();
        });
        s.phases.push(`${activeAtKill} jobs active at the kill`);
        const ok = await accepted(s, c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(s, c);
        await settled(s, c, db, ok, () => [api, ...(replacement ? [replacement] : [])]);
        await expectStoredOnceAnsweredOnce(c, db, ok);
        expect(api.proc.exitCode).toBeNull();
        expect(replacement?.proc.exitCode).toBeNull();
      });

      scenario(
        'PostgreSQL restarted mid-stream: refused webhooks come back, nothing accepted is lost',
        async (s) => {
          const own = await ownPostgres();
          if (own) s.cleanups.push(() => own.close());
          s.phases.push(own ? 'own server restarted' : 'connections cut on the shared server');
          const booted = await boot(s, own ? { database: { url: own.url, drop: async () => {} } } : {});
          const { c } = booted;
          const api = supervise(s, c, booted.api, 'api');
          const worker = supervise(s, c, booted.worker, 'worker');
          let down = 0;
          const deliveries = await stream(s, c, async () => {
            const from = Date.now();
            if (own) await own.restart(PG_DOWN_MS);
            else await outage(c.databaseUrl, PG_DOWN_MS);
            down = Date.now() - from;
          });
          expect(down).toBeGreaterThanOrEqual(PG_DOWN_MS);
          // While it was down the receiver refused (non-2xx), so the platform kept those events and retried.
          expect(
            deliveries.filter((d) => d.firstStatus === null || d.firstStatus >= 300).length,
          ).toBeGreaterThan(0);
          const ok = await accepted(s, c, deliveries);
          expect(ok.size).toBe(MESSAGES);
          const db = await inspect(s, c);
          await settled(s, c, db, ok, () => [api.current(), worker.current()]);
          await expectStoredOnceAnsweredOnce(c, db, ok);
          // Both processes ride out the restart: an exit fails the test even though a manager would restart it.
          expect([...api.crashes, ...worker.crashes]).toEqual([]);
        },
      );
    });

    describe('Redis flushed; webhooks delivered three times', () => {
      scenario('Redis flushed mid-stream: the sweeper re-dispatches from PostgreSQL', async (s) => {
        const { c, api, worker } = await boot(s, { redisDb: FLUSH_REDIS_DB });
        const redis = new Redis(c.redisUrl, { maxRetriesPerRequest: 1 });
        redis.on('error', () => {});
        s.cleanups.push(async () => {
          await redis.flushdb();
          redis.disconnect();
        });
        let keys = 0;
        const deliveries = await stream(s, c, async () => {
          keys = await redis.dbsize();
          // This cluster's own logical database, never FLUSHALL: other suites share the server.
          expect(await redis.flushdb()).toBe('OK');
        });
        s.phases.push(`${keys} keys flushed`);
        expect(keys).toBeGreaterThan(0);
        const ok = await accepted(s, c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(s, c);
        await settled(s, c, db, ok, () => [api, worker]);
        await expectStoredOnceAnsweredOnce(c, db, ok);
        expect(api.proc.exitCode).toBeNull();
        expect(worker.proc.exitCode).toBeNull();
      });

      scenario('every webhook delivered three times: one message and one reply per event', async (s) => {
        const tripler = await startTripler();
        s.cleanups.push(() => tripler.close());
        const { c, api, worker } = await boot(s, {
          webhookTarget: (apiUrl) => {
            tripler.target = apiUrl;
            return tripler.url;
          },
        });
        const deliveries = await stream(s, c, async () => {});
        const ok = await accepted(s, c, deliveries);
        expect(ok.size).toBe(MESSAGES);
        const db = await inspect(s, c);
        await settled(s, c, db, ok, () => [api, worker]);
        await tripler.drain();
        await expectStoredOnceAnsweredOnce(c, db, ok);
        // Every copy of every webhook (customer messages, echoes, delivery and read receipts) is acknowledged.
        expect(tripler.answers).toBeGreaterThanOrEqual(3 * MESSAGES);
        expect(tripler.refusals).toEqual({});
      });
    });
  },
);
