// Every benchmark in sequence, each against its reference baseline (measured in the same run) or
// its target, printed as ratios so the numbers mean something on any machine. Loopback only,
// bounded in time and count.
//   foundation  the API's hot path (authenticated read, login) vs a bare Fastify / argon2id alone
//   ingest      webhook receiver vs a verify-and-insert reference on PostgreSQL (bench/ingest.ts)
//   e2e         webhook → reply, api + worker processes on PostgreSQL + Redis (bench/e2e.ts)
//   embedded    sustained messages/s end to end on embedded defaults (bench/embedded.ts)
//   crm         10,000 lead updates synced to the sandbox HubSpot under its rate limit (bench/crm.ts)
// Usage: npm run bench [-- --only=foundation,ingest,e2e,embedded,crm --duration=5 --concurrency=16 --db=pglite|postgres]
// The --duration, --concurrency, --login-* and --db options are the foundation benchmark's; the
// others run with their defaults here (run their files directly to change them).
import { arch, availableParallelism, platform } from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '@replyforce/core/auth/password.ts';
import Fastify from 'fastify';
import { createTestApp } from '../apps/server/test/helpers/test-app.ts';
import { runCrmBench } from './crm.ts';
import { API_RSS_BUDGET_MB, E2E_TARGET_P99_MS, runE2eBench, WORKER_RSS_BUDGET_MB } from './e2e.ts';
import { EMBEDDED_P99_TARGET_MS, runEmbeddedBench } from './embedded.ts';
import { runIngestBench } from './ingest.ts';
import { drive, fmt, httpGet, postJson, stats, table } from './lib.ts';
import { writeResult } from './results.ts';

const BENCHMARKS = ['foundation', 'ingest', 'e2e', 'embedded', 'crm'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: BENCHMARKS.join(',') },
    duration: { type: 'string', default: '5' },
    'login-duration': { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'login-concurrency': { type: 'string', default: '4' },
    db: { type: 'string', default: 'pglite' },
  },
});

const DURATION_MS = Number(args.duration) * 1000;
const LOGIN_DURATION_MS = Number(args['login-duration']) * 1000;
const CONCURRENCY = Number(args.concurrency);
const LOGIN_CONCURRENCY = Number(args['login-concurrency']);
const DB = args.db === 'postgres' ? 'postgres' : 'pglite';
const WARMUP_MS = 1000;

/** One line of the closing summary: a figure next to its reference or target. */
type Line = {
  benchmark: Benchmark;
  figure: string;
  value: string;
  against: string;
  ratio: string;
  ok: boolean;
};

async function runFoundationBench(): Promise<Line[]> {
  const rssAtStartMb = process.memoryUsage().rss / 1_048_576;
  console.log(
    `\nFoundation: database ${DB === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}, embedded job runner, ` +
      'the app and the load generator in this process',
  );

  // The real application: migrations, workers, every plugin and hook, listening on loopback.
  const t = await createTestApp(DB);
  const appAddress = await t.app.listen({ host: '127.0.0.1', port: 0 });

  const email = 'bench-admin@example.test';
  const password = 'bench-password-123';
  const registered = await postJson(`${appAddress}/api/v1/auth/register`, {
    tenantName: 'Bench Coffee',
    name: 'Bench Admin',
    email,
    password,
  });
  if (registered.status !== 201)
    throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
  const { accessToken } = (await registered.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const membersUrl = `${appAddress}/api/v1/team/members`;
  const sample = await fetch(membersUrl, { headers: auth });
  if (sample.status !== 200) throw new Error(`GET /api/v1/team/members answered ${sample.status}`);
  const payload: unknown = await sample.json();

  // The baseline: a bare Fastify in this process answering the same JSON body from memory.
  const bare = Fastify({ logger: false });
  bare.get('/static', async () => payload);
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
  const staticUrl = `${bareAddress}/static`;

  try {
    await drive(httpGet(staticUrl), WARMUP_MS, CONCURRENCY);
    await drive(httpGet(membersUrl, auth), WARMUP_MS, CONCURRENCY);
    const base = stats(await drive(httpGet(staticUrl), DURATION_MS, CONCURRENCY));
    const app = stats(await drive(httpGet(membersUrl, auth), DURATION_MS, CONCURRENCY));
    console.log(
      `\n${table(
        `Authenticated read, ${CONCURRENCY} concurrent keep-alive clients, ${DURATION_MS / 1000} s each`,
        [
          ['baseline: bare Fastify, static JSON', base],
          ['app: GET /api/v1/team/members', app],
        ],
        'ratio app / baseline',
      )}`,
    );

    // Login: the baseline is the argon2id verification alone, at the same concurrency.
    const hash = await hashPassword(password);
    const verifyOnly = stats(
      await drive(() => verifyPassword(hash, password), LOGIN_DURATION_MS, LOGIN_CONCURRENCY),
    );
    const login = stats(
      await drive(
        async () => {
          const res = await postJson(`${appAddress}/api/v1/auth/login`, { email, password });
          await res.arrayBuffer();
          return res.status === 200;
        },
        LOGIN_DURATION_MS,
        LOGIN_CONCURRENCY,
      ),
    );
    console.log(
      `\n${table(
        `Login (argon2id, 19 MiB, t=2), ${LOGIN_CONCURRENCY} concurrent clients, ${LOGIN_DURATION_MS / 1000} s each`,
        [
          ['baseline: argon2id verify alone', verifyOnly],
          ['app: POST /api/v1/auth/login', login],
        ],
        'ratio app / baseline',
      )}`,
    );

    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `\nPeak RSS of this process: ${fmt(rssMb)} MB (API budget: ${API_RSS_BUDGET_MB} MB; ` +
        `${rssMb <= API_RSS_BUDGET_MB ? 'within' : 'OVER'} budget). ` +
        'It includes the load generator and the baseline server, so the API alone uses less.',
    );
    console.log(`RSS after loading the code, before opening the database: ${fmt(rssAtStartMb)} MB.`);
    writeResult('foundation', {
      db: DB,
      read: { baseline: base, app },
      login: { verifyOnly, login },
      peakRssMb: rssMb,
    });
    const failed = app.errors + login.errors;
    if (failed > 0) {
      console.error(`\n${failed} request(s) of the app failed`);
      process.exitCode = 1;
    }
    return [
      {
        benchmark: 'foundation',
        figure: 'authenticated read req/s',
        value: fmt(app.rps),
        against: `bare Fastify ${fmt(base.rps)}`,
        ratio: fmt(app.rps / base.rps, 3),
        ok: app.errors === 0,
      },
      {
        benchmark: 'foundation',
        figure: 'login req/s',
        value: fmt(login.rps),
        against: `argon2id alone ${fmt(verifyOnly.rps)}`,
        ratio: fmt(login.rps / verifyOnly.rps, 3),
        ok: login.errors === 0,
      },
    ];
  } finally {
    await bare.close();
    await t.close();
  }
}

async function runIngest(): Promise<Line[]> {
  const { ours, reference, atRate } = await runIngestBench();
  return [
    {
      benchmark: 'ingest',
      figure: 'webhooks/s stored',
      value: fmt(ours.rps),
      against: `verify + INSERT ${fmt(reference.rps)}, target ratio ≥ 0.8`,
      ratio: fmt(ours.rps / reference.rps, 3),
      ok: ours.rps / reference.rps >= 0.8,
    },
    {
      benchmark: 'ingest',
      figure: 'ack p99 at 1,000/s',
      value: `${fmt(atRate.p99, 1)} ms`,
      against: 'target < 50 ms',
      ratio: fmt(atRate.p99 / 50, 2),
      ok: atRate.p99 < 50 && atRate.errors === 0,
    },
  ];
}

async function runE2e(): Promise<Line[]> {
  const f = await runE2eBench();
  const r = f.run;
  return [
    {
      benchmark: 'e2e',
      figure: `p99 at ${f.rate}/s, ${f.seconds} s`,
      value: `${fmt(r.latencyMs.p99)} ms (p50 ${fmt(r.latencyMs.p50)})`,
      against: `target < ${E2E_TARGET_P99_MS} ms`,
      ratio: fmt(f.p99Ratio, 2),
      ok: f.p99Ratio < 1,
    },
    {
      benchmark: 'e2e',
      figure: 'lost / duplicates',
      value: `${r.lost} / ${r.duplicates} of ${r.accepted}`,
      against: 'target 0 / 0',
      ratio: '',
      ok: r.lost === 0 && r.duplicates === 0,
    },
    {
      benchmark: 'e2e',
      figure: 'peak RSS api',
      value: `${fmt(f.peakRssMb.api)} MB`,
      against: `budget ${API_RSS_BUDGET_MB} MB`,
      ratio: fmt(f.peakRssMb.api / API_RSS_BUDGET_MB, 2),
      ok: f.peakRssMb.api <= API_RSS_BUDGET_MB,
    },
    {
      benchmark: 'e2e',
      figure: 'peak RSS worker',
      value: `${fmt(f.peakRssMb.worker)} MB`,
      against: `budget ${WORKER_RSS_BUDGET_MB} MB`,
      ratio: fmt(f.peakRssMb.worker / WORKER_RSS_BUDGET_MB, 2),
      ok: f.peakRssMb.worker <= WORKER_RSS_BUDGET_MB,
    },
  ];
}

async function runEmbedded(): Promise<Line[]> {
  const f = await runEmbeddedBench();
  const best = f.steps.find((s) => s.rate === f.sustainedRate);
  return [
    {
      benchmark: 'embedded',
      figure: 'sustained msg/s end to end',
      value: String(f.sustainedRate),
      against: `all answered, p99 < ${EMBEDDED_P99_TARGET_MS} ms`,
      ratio: best ? `p99 ${fmt(best.report.latencyMs.p99 / EMBEDDED_P99_TARGET_MS, 2)}` : '',
      ok: f.sustainedRate > 0,
    },
  ];
}

async function runCrm(): Promise<Line[]> {
  const f = await runCrmBench({ db: 'postgres', redis: true });
  if (f.duplicates + f.duplicateNotes + f.lost > 0) process.exitCode = 1;
  return [
    {
      benchmark: 'crm',
      figure: `${f.updates} updates synced`,
      value: `${fmt(f.seconds, 1)} s`,
      against: `least the limit allows ${fmt(f.minimumSeconds, 1)} s (${f.callsNeeded} calls)`,
      ratio: fmt(f.ratio, 2),
      ok: f.lost === 0,
    },
    {
      benchmark: 'crm',
      figure: 'duplicates / lost',
      value: `${f.duplicates + f.duplicateNotes} / ${f.lost} of ${f.leads}`,
      against: 'target 0 / 0',
      ratio: '',
      ok: f.duplicates + f.duplicateNotes === 0 && f.lost === 0,
    },
    {
      benchmark: 'crm',
      figure: 'peak RSS (api + worker + sandbox, one process)',
      value: `${fmt(f.peakRssMb)} MB`,
      against: `worker budget ${WORKER_RSS_BUDGET_MB} MB`,
      ratio: fmt(f.peakRssMb / WORKER_RSS_BUDGET_MB, 2),
      ok: f.peakRssMb <= WORKER_RSS_BUDGET_MB,
    },
  ];
}

const RUNNERS: Record<Benchmark, () => Promise<Line[]>> = {
  foundation: runFoundationBench,
  ingest: runIngest,
  e2e: runE2e,
  embedded: runEmbedded,
  crm: runCrm,
};

async function main(): Promise<void> {
  const only = (args.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (only.length === 0 || unknown.length > 0) {
    console.error(`--only expects a comma-separated list of: ${BENCHMARKS.join(', ')}`);
    process.exit(2);
  }
  console.log(
    `ReplyForce bench: Node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} CPUs; ` +
      `running ${only.join(', ')}`,
  );
  const lines: Line[] = [];
  const failed: string[] = [];
  for (const name of BENCHMARKS.filter((b) => only.includes(b))) {
    const started = performance.now();
    try {
      lines.push(...(await RUNNERS[name]()));
    } catch (err) {
      console.error(`\n${name} failed:`, err);
      failed.push(name);
      process.exitCode = 1;
    }
    console.log(`(${name}: ${fmt((performance.now() - started) / 1000)} s)`);
  }

  const head = ['benchmark', 'figure', 'measured', 'reference / target', 'ratio', ''];
  const rows = lines.map((l) => [l.benchmark, l.figure, l.value, l.against, l.ratio, l.ok ? 'ok' : 'MISSED']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('   ');
  console.log(`\nSummary\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const r of rows) console.log(line(r));
  if (failed.length > 0) console.log(`did not complete: ${failed.join(', ')}`);
}

main()
  .then(() => process.exit())
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
