// Webhook ingest: what the receiver sustains with signature check and durable storage, against a
// reference receiver in this same process that only checks the signature and inserts one row into
// the same PostgreSQL. Then acknowledgement latency at a fixed 1,000 webhooks/s.
// Usage: node bench/ingest.ts [--duration=5 --concurrency=32 --rate=1000 --rate-seconds=5]
import { createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import { verifyMetaSignature } from '@replyforce/connectors';
import { saveGrantedAccounts } from '@replyforce/core';
import { withTenant } from '@replyforce/db';
import Fastify from 'fastify';
import pg from 'pg';
import { TEST_REDIS_URL } from '../apps/server/test/helpers/redis.ts';
import { createTestApp } from '../apps/server/test/helpers/test-app.ts';
import { drive, fmt, merge, postJson, type Result, type Stats, stats, table } from './lib.ts';
import { writeResult } from './results.ts';

export type IngestOptions = { durationMs: number; concurrency: number; rate: number; rateMs: number };
const DEFAULTS: IngestOptions = { durationMs: 5_000, concurrency: 32, rate: 1_000, rateMs: 5_000 };

const PAGE_ID = '1000000000000001';

let seq = 0;
/** A distinct Messenger text message each time, signed like Meta signs it. */
function nextDelivery(secret: string): { body: string; signature: string } {
  seq++;
  const now = Date.now();
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: PAGE_ID,
        time: now,
        messaging: [
          {
            sender: { id: `psid-${seq % 500}` },
            recipient: { id: PAGE_ID },
            timestamp: now,
            message: {
              mid: `m_bench_${process.pid}_${seq}`,
              text: `Bench message ${seq}: what does the Pro plan cost?`,
            },
          },
        ],
      },
    ],
  });
  return { body, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

function poster(url: string, secret: string): () => Promise<boolean> {
  return async () => {
    const d = nextDelivery(secret);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': d.signature },
      body: d.body,
    });
    await res.arrayBuffer();
    return res.status === 200;
  };
}

/** Open loop: `rate` requests per second for `ms`, whatever the answers' speed (no coordinated omission). */
async function fixedRate(op: () => Promise<boolean>, rate: number, ms: number): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const t0 = performance.now();
      inflight.push(
        op()
          .then((ok) => {
            if (!ok) errors++;
          })
          .catch(() => {
            errors++;
          })
          .finally(() => latencies.push(performance.now() - t0)),
      );
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inflight);
  return { requests: sent, errors, seconds: (performance.now() - started) / 1000, latencies };
}

export async function runIngestBench(
  opts: IngestOptions = DEFAULTS,
): Promise<{ ours: Stats; reference: Stats; atRate: Stats }> {
  const { durationMs: DURATION_MS, concurrency: CONCURRENCY, rate: RATE, rateMs: RATE_MS } = opts;
  const t = await createTestApp('postgres', { REDIS_URL: TEST_REDIS_URL }, { workers: false });
  const secret = t.config.channels.metaAppSecret;
  const appAddress = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const registered = await postJson(`${appAddress}/api/v1/auth/register`, {
    tenantName: 'Ingest Bench',
    name: 'Bench Admin',
    email: `ingest-${Date.now()}@example.test`,
    password: 'bench-password-123',
  });
  const { tenant } = (await registered.json()) as { tenant: { id: string } };
  await withTenant(t.deps.db, tenant.id, (tx) =>
    saveGrantedAccounts(t.deps, tx, tenant.id, null, [
      {
        platform: 'facebook',
        accountId: PAGE_ID,
        name: 'Bench Page',
        extra: {},
        credentials: { accessToken: 'unused' },
      },
    ]),
  );

  const pool = new pg.Pool({ connectionString: t.deps.db.url, max: t.config.database.poolMax });
  await pool.query(
    'create table if not exists bench_ingest_ref (channel_id text not null, event_id text not null, payload jsonb not null, primary key (channel_id, event_id))',
  );
  const ref = Fastify({ logger: false });
  ref.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
  ref.post('/webhooks/facebook', async (request, reply) => {
    const raw = request.body as Buffer;
    if (!verifyMetaSignature(raw, request.headers['x-hub-signature-256'] as string, secret))
      return reply.status(401).send();
    const body = JSON.parse(raw.toString('utf8')) as {
      entry: { messaging: { message: { mid: string } }[] }[];
    };
    const mid = body.entry[0]?.messaging[0]?.message.mid ?? '';
    await pool.query('insert into bench_ingest_ref values ($1, $2, $3) on conflict do nothing', [
      PAGE_ID,
      mid,
      raw.toString('utf8'),
    ]);
    return reply.send('EVENT_RECEIVED');
  });
  const refAddress = await ref.listen({ host: '127.0.0.1', port: 0 });

  try {
    const oursOp = poster(`${appAddress}/webhooks/facebook`, secret);
    const refOp = poster(`${refAddress}/webhooks/facebook`, secret);
    await drive(refOp, 1000, CONCURRENCY);
    await drive(oursOp, 1000, CONCURRENCY);
    // Alternate short rounds so neither side gets the warmer JIT or the quieter GC.
    const refRounds: Result[] = [];
    const ourRounds: Result[] = [];
    for (let round = 0; round < 4; round++) {
      ourRounds.push(await drive(oursOp, DURATION_MS / 4, CONCURRENCY));
      refRounds.push(await drive(refOp, DURATION_MS / 4, CONCURRENCY));
    }
    const reference = stats(merge(refRounds));
    const ours = stats(merge(ourRounds));
    console.log(
      `\n${table(
        `Webhook ingest on PostgreSQL (+ BullMQ dispatch), ${CONCURRENCY} concurrent senders, ${DURATION_MS / 1000} s each`,
        [
          ['reference: verify + one INSERT', reference],
          ['app: POST /webhooks/facebook', ours],
        ],
        'ratio app / reference (target ≥ 0.8)',
      )}`,
    );
    const atRate = stats(await fixedRate(oursOp, RATE, RATE_MS));
    console.log(
      `\nAcknowledgement at a fixed ${RATE} webhooks/s for ${RATE_MS / 1000} s: ${atRate.requests} sent, ` +
        `${atRate.errors} errors, p50 ${fmt(atRate.p50, 2)} ms, p99 ${fmt(atRate.p99, 2)} ms (target p99 < 50 ms)`,
    );
    const stored = await pool.query<{ n: number }>('select count(*)::int as n from inbound_events');
    console.log(`Events stored by the app: ${stored.rows[0]?.n} (each delivery carried one distinct event).`);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(`Peak RSS of this process (app + reference + load generator): ${fmt(rssMb)} MB`);
    writeResult('ingest', {
      reference,
      ours,
      ratio: ours.rps / reference.rps,
      atRate: { rate: RATE, ...atRate },
      peakRssMb: rssMb,
    });
    return { ours, reference, atRate };
  } finally {
    await ref.close();
    await pool.end();
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({
    options: {
      duration: { type: 'string', default: String(DEFAULTS.durationMs / 1000) },
      concurrency: { type: 'string', default: String(DEFAULTS.concurrency) },
      rate: { type: 'string', default: String(DEFAULTS.rate) },
      'rate-seconds': { type: 'string', default: String(DEFAULTS.rateMs / 1000) },
    },
  });
  runIngestBench({
    durationMs: Number(args.duration) * 1000,
    concurrency: Number(args.concurrency),
    rate: Number(args.rate),
    rateMs: Number(args['rate-seconds']) * 1000,
  }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
