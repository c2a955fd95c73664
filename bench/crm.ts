// CRM sync under the vendor's rate limit: 10,000 lead updates synced to the sandbox HubSpot, whose
// limit is on (100 requests per rolling 10 s, as a private app on Free/Starter). The app runs in this
// process as `replyforce start` does (API, workers, scheduler, the sandbox mounted at /sandbox), on
// PostgreSQL and BullMQ on Redis by default (as ingest and e2e; --db=pglite for embedded defaults). The figure: the time from the first update to the last record synced,
// against the least the limit allows for the calls needed (one batch upsert and one batch of notes
// per 100 leads), as a ratio; duplicates and lost updates, read back from the sandbox CRM; peak RSS.
// Usage: node bench/crm.ts [--updates=10000 --db=postgres|pglite --no-redis]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '@replyforce/config';
import { noteLeadChangeForCrm } from '@replyforce/core';
import {
  channels,
  contacts,
  conversations,
  type Database,
  leads,
  messages,
  migrateDatabase,
  openPglite,
  openPostgres,
  queryRows,
  withTenant,
} from '@replyforce/db';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../apps/server/src/build-app.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { createAppSandbox, sandboxXWebhookId } from '../apps/server/src/sandbox.ts';
import { startScheduler } from '../apps/server/src/scheduler/index.ts';
import { startWorkers } from '../apps/server/src/workers/index.ts';
import { emptyDatabase } from '../apps/server/test/helpers/databases.ts';
import { freePort } from '../apps/server/test/helpers/free-port.ts';
import { deleteKeys, TEST_REDIS_URL } from '../apps/server/test/helpers/redis.ts';
import { fmt } from './lib.ts';
import { writeResult } from './results.ts';

/** HubSpot's documented budget the sandbox enforces, and its batch size. */
const LIMIT = 100;
const WINDOW_S = 10;
const BATCH = 100;
/** How long the run may take before it stops waiting (and counts what is missing as lost). */
const MAX_WAIT_S = 180;
/** Concurrent writers of updates, and updates per transaction. */
const PRODUCERS = 8;
const PER_TRANSACTION = 100;
const TAG_VALUES = { HOT: 'IN_PROGRESS', WARM: 'OPEN', COLD: 'NEW' } as const;

export type CrmBenchFigures = {
  updates: number;
  leads: number;
  db: string;
  queue: string;
  /** First update to last record synced. */
  seconds: number;
  /** How long producing the updates took (they overlap the syncing). */
  produceSeconds: number;
  /** The least the rate limit allows: (ceil(calls / limit) − 1) windows. */
  minimumSeconds: number;
  ratio: number;
  callsNeeded: number;
  callsMade: number;
  rateLimited: number;
  records: number;
  duplicates: number;
  duplicateNotes: number;
  lost: number;
  peakRssMb: number;
};

export async function runCrmBench(
  opts: { updates?: number; db?: 'pglite' | 'postgres'; redis?: boolean } = {},
): Promise<CrmBenchFigures> {
  const updates = opts.updates ?? 10_000;
  const dbKind = opts.db ?? 'postgres';
  const redis = opts.redis ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-bench-crm-'));
  let database: Database;
  let dropDatabase = async () => {};
  if (dbKind === 'postgres') {
    const empty = await emptyDatabase();
    database = openPostgres(empty.url, 10);
    await migrateDatabase(database);
    dropDatabase = empty.drop;
  } else database = await openPglite('memory://');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    PUBLIC_URL: base,
    SANDBOX: 'true',
    SEED_DEMO: 'false',
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...(redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
  });
  const queuePrefix = `rf-bench-crm-${crypto.randomUUID().slice(0, 8)}`;
  const runtime = await openRuntime(config, { database, queuePrefix, xWebhookId: sandboxXWebhookId(config) });
  const sandbox = createAppSandbox(config);
  if (!sandbox) throw new Error('the sandbox is off');
  const log = pino({ level: 'silent' });
  await startWorkers(runtime.deps, log);
  const stopScheduler = startScheduler(runtime.deps, log, config.sweepIntervalSeconds * 1000);
  const app = await buildApp(runtime.deps, { logger: false, webDist: join(dataDir, 'no-web'), sandbox });
  await app.listen({ host: '127.0.0.1', port });
  const { deps } = runtime;

  try {
    const post = async (url: string, body: object, token?: string) => {
      const res = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
      return json;
    };
    const session = await post('/api/v1/auth/register', {
      tenantName: 'Bench Coffee',
      name: 'Bench Admin',
      email: 'crm-bench@example.test',
      password: 'bench-password-123',
    });
    const token = session.accessToken as string;
    const tenantId = (session.tenant as { id: string }).id;
    // A private-app token: a fresh sandbox portal of its own, so nothing else spends its budget.
    const connected = await post(
      '/api/v1/crm/connect',
      { vendor: 'hubspot', token: `pat-sandbox-bench-${crypto.randomUUID().slice(0, 8)}` },
      token,
    );
    const portal = (connected.connection as { accountId: string }).accountId;
    const connectedAt = performance.now();

    const leadIds = await seedLeads(deps.db, tenantId, updates);
    const tenantSettings = await withTenant(deps.db, tenantId, async (tx) => {
      const [row] = await tx
        .execute(sql`select settings from tenants where id = ${tenantId}`)
        .then((r) => (r as unknown as { rows: { settings: Record<string, unknown> }[] }).rows);
      return row?.settings ?? {};
    });
    // Connecting made a few calls (fields, custom properties); the timed run starts with a full budget.
    const settle = WINDOW_S * 1000 - (performance.now() - connectedAt);
    if (settle > 0) await sleep(settle + 100);
    sandbox.crm.clearRequests('hubspot');

    console.log(
      `\nCRM sync: ${updates} lead updates to the sandbox HubSpot (limit ${LIMIT} requests / ${WINDOW_S} s, ` +
        `batches of ${BATCH}), ${dbKind === 'pglite' ? 'PGlite (in memory)' : 'PostgreSQL'}, ` +
        `${redis ? 'BullMQ on Redis' : 'the in-process job runner'}`,
    );
    const started = performance.now();
    // Each update: the lead's tag set and the one CRM hook the app calls. A hundred updates per
    // transaction, eight writers: a burst such as an import makes, arriving faster than the limit.
    let next = 0;
    const producer = async () => {
      while (next < leadIds.length) {
        const chunk = leadIds.slice(next, next + PER_TRANSACTION);
        next += PER_TRANSACTION;
        await withTenant(deps.db, tenantId, async (tx) => {
          for (const leadId of chunk) {
            await tx
              .update(leads)
              .set({ tag: 'HOT', updatedAt: new Date() })
              .where(sql`${leads.id} = ${leadId}`);
            await noteLeadChangeForCrm(tx, { tenantId, leadId, reason: 'tag_changed', tenantSettings });
          }
        });
      }
    };
    await Promise.all(Array.from({ length: PRODUCERS }, producer));
    const produceSeconds = (performance.now() - started) / 1000;

    const deadline = performance.now() + MAX_WAIT_S * 1000;
    for (;;) {
      const [row] = await queryRows<{ n: number }>(
        deps.db,
        sql`select count(*)::int as n from crm_syncs where status = 'synced' and synced_version = version`,
      );
      if ((row?.n ?? 0) >= leadIds.length || performance.now() > deadline) break;
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;

    // What the CRM holds: one record per contact, with the update's value, and one note each.
    const account = sandbox.crm.account('hubspot', portal);
    if (!account) throw new Error('the sandbox portal vanished');
    const byKey = new Map<string, number>();
    let hot = 0;
    for (const r of account.records.values()) {
      const key = r.values.replyforce_contact_id;
      if (!key) continue;
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      if (r.values.hs_lead_status === TAG_VALUES.HOT) hot++;
    }
    const notesPer = new Map<string, number>();
    for (const n of account.notes) notesPer.set(n.recordId, (notesPer.get(n.recordId) ?? 0) + 1);
    const duplicates = [...byKey.values()].reduce((n, c) => n + c - 1, 0);
    const duplicateNotes = [...notesPer.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = leadIds.length - Math.min(hot, byKey.size);
    const requests = sandbox.crm.requests('hubspot');
    const callsNeeded = 2 * Math.ceil(leadIds.length / BATCH);
    const minimumSeconds = (Math.ceil(callsNeeded / LIMIT) - 1) * WINDOW_S;
    const figures: CrmBenchFigures = {
      updates,
      leads: leadIds.length,
      db: dbKind,
      queue: redis ? 'bullmq' : 'embedded',
      seconds,
      produceSeconds,
      minimumSeconds,
      ratio: seconds / Math.max(minimumSeconds, 1),
      callsNeeded,
      callsMade: requests.length,
      rateLimited: requests.filter((r) => r.status === 429).length,
      records: byKey.size,
      duplicates,
      duplicateNotes,
      lost,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    console.log(
      [
        `updates produced in ${fmt(produceSeconds, 1)} s by ${PRODUCERS} writers, ${PER_TRANSACTION} per transaction`,
        `synced in ${fmt(seconds, 1)} s; the limit allows no less than ${fmt(minimumSeconds, 1)} s for ${callsNeeded} calls (ratio ${fmt(figures.ratio, 2)})`,
        `calls made ${figures.callsMade} (${figures.rateLimited} answered 429)`,
        `records ${figures.records}, duplicates ${duplicates}, duplicate notes ${duplicateNotes}, lost ${lost}`,
        `peak RSS of this process (API, workers, sandbox${dbKind === 'pglite' ? ', PGlite' : ''}): ${fmt(figures.peakRssMb)} MB`,
      ].join('\n'),
    );
    writeResult('crm', figures);
    return figures;
  } finally {
    stopScheduler();
    await app.close();
    await sandbox.close();
    await runtime.close();
    await dropDatabase().catch(() => {});
    if (redis) await deleteKeys(TEST_REDIS_URL, `${queuePrefix}:*`).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The leads to update, each with its contact, conversation and one customer message (so each first
 * sync also writes a note), inserted in bulk: setting them up is not what is measured.
 */
async function seedLeads(db: Database, tenantId: string, n: number): Promise<string[]> {
  const channelId = crypto.randomUUID();
  await withTenant(db, tenantId, (tx) =>
    tx.insert(channels).values({
      id: channelId,
      tenantId,
      platform: 'facebook',
      accountId: `bench-${channelId.slice(0, 8)}`,
      name: 'Bench Page',
      credentials: 'v1.unused',
    }),
  );
  const ids: string[] = [];
  for (let start = 0; start < n; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - start) }, (_, i) => {
      const k = start + i;
      return {
        contact: crypto.randomUUID(),
        conversation: crypto.randomUUID(),
        message: crypto.randomUUID(),
        lead: crypto.randomUUID(),
        name: `Customer ${k}`,
        psid: `bench-${k}`,
      };
    });
    await withTenant(db, tenantId, async (tx) => {
      await tx.insert(contacts).values(
        rows.map((r) => ({
          id: r.contact,
          tenantId,
          channelId,
          platformUserId: r.psid,
          displayName: r.name,
        })),
      );
      await tx.insert(conversations).values(
        rows.map((r) => ({
          id: r.conversation,
          tenantId,
          channelId,
          contactId: r.contact,
          threadKey: 'dm',
          kind: 'dm' as const,
        })),
      );
      await tx.insert(messages).values(
        rows.map((r) => ({
          id: r.message,
          tenantId,
          conversationId: r.conversation,
          channelId,
          direction: 'inbound' as const,
          sender: 'customer' as const,
          text: 'How much is the Pro plan? I want it today.',
          status: 'received' as const,
          aiAnalysis: { understanding: { summary: 'Asks the price of the Pro plan', entities: [] } },
        })),
      );
      await tx.insert(leads).values(
        rows.map((r) => ({
          id: r.lead,
          tenantId,
          contactId: r.contact,
          score: 80,
          tag: 'WARM' as const,
          lastMessageId: r.message,
          messageCount: 1,
        })),
      );
    });
    ids.push(...rows.map((r) => r.lead));
  }
  return ids;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      updates: { type: 'string', default: '10000' },
      db: { type: 'string', default: 'postgres' },
      'no-redis': { type: 'boolean', default: false },
    },
  });
  runCrmBench({
    updates: Number(values.updates),
    db: values.db === 'pglite' ? 'pglite' : 'postgres',
    redis: !values['no-redis'],
  })
    .then((f) => process.exit(f.duplicates + f.lost > 0 ? 1 : 0))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
