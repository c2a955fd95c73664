// The foundation's hot path against a reference baseline measured in the same run, printed as
// ratios so the numbers mean something on any machine. Loopback only, bounded in time and count.
// Usage: npm run bench [-- --duration=5 --concurrency=16 --db=pglite|postgres]
import { arch, availableParallelism, platform } from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '@replyforce/core/auth/password.ts';
import Fastify from 'fastify';
import { createTestApp } from '../apps/server/test/helpers/test-app.ts';
import { drive, fmt, httpGet, postJson, stats, table } from './lib.ts';

const { values: args } = parseArgs({
  options: {
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
const API_RSS_BUDGET_MB = 250;

async function main(): Promise<void> {
  const rssAtStartMb = process.memoryUsage().rss / 1_048_576;
  console.log(
    `ReplyForce bench: Node ${process.version}, ${platform()} ${arch()}, ${availableParallelism()} CPUs, ` +
      `database ${DB === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}, embedded job runner`,
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
    if (app.errors > 0 || login.errors > 0) {
      console.error(`\n${app.errors + login.errors} request(s) of the app failed`);
      process.exitCode = 1;
    }
  } finally {
    await bare.close();
    await t.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
