import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '@replyforce/config';
import type { CoreDeps } from '@replyforce/core';
import type { Sandbox } from '@replyforce/sandbox';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../../src/build-app.ts';
import { openRuntime } from '../../src/runtime.ts';
import { createAppSandbox, sandboxXWebhookId } from '../../src/sandbox.ts';
import { startScheduler } from '../../src/scheduler/index.ts';
import { startWorkers } from '../../src/workers/index.ts';
import { bearer, PASSWORD, type Signed } from './api.ts';
import { type DbKind, freshDatabase } from './databases.ts';
import { freePort } from './free-port.ts';
import { deleteKeys } from './redis.ts';
import { TEST_MASTER_KEY } from './test-app.ts';

/** Answers are read loosely in tests: each assertion names the fields it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: test-side JSON whose shape each assertion checks
export type Json = any;

export type SpineServer = {
  app: FastifyInstance;
  deps: CoreDeps;
  config: Config;
  sandbox: Sandbox;
  /** http://127.0.0.1:<port> — the API, the webhooks and the sandbox at /sandbox. */
  base: string;
  close(): Promise<void>;
};

/**
 * The whole message path in one process, listening for real: the sandbox platforms deliver signed
 * webhooks over HTTP to the receivers, workers normalise, decide and send back through the
 * connectors to the sandbox. Nothing is stubbed.
 */
export async function startSpineServer(
  kind: DbKind,
  env: Record<string, string> = {},
  opts: { sweepEveryMs?: number } = {},
): Promise<SpineServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-spine-'));
  const database = await freshDatabase(kind);
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
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MASTER_KEY: TEST_MASTER_KEY,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const queuePrefix = `rf-test-${crypto.randomUUID().slice(0, 8)}`;
  const runtime = await openRuntime(config, {
    database: database.db,
    queuePrefix,
    xWebhookId: sandboxXWebhookId(config),
  });
  const sandbox = createAppSandbox(config);
  if (!sandbox) throw new Error('the sandbox is off');
  const log = pino({ level: 'silent' });
  await startWorkers(runtime.deps, log);
  const stopScheduler = opts.sweepEveryMs ? startScheduler(runtime.deps, log, opts.sweepEveryMs) : () => {};
  const app = await buildApp(runtime.deps, { logger: false, webDist: join(dataDir, 'no-web'), sandbox });
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    deps: runtime.deps,
    config,
    sandbox,
    base,
    async close() {
      stopScheduler();
      await app.close();
      await sandbox.close();
      await runtime.close();
      await database.drop();
      // The run's queues: jobs a test left (or never consumed) would otherwise pile up in Redis.
      if (config.redisUrl) await deleteKeys(config.redisUrl, `${queuePrefix}:*`).catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON over real HTTP (the sandbox's consent redirect needs a real client, not inject). */
export async function call(
  s: SpineServer,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers: {
      ...(opts.token ? bearer(opts.token) : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/**
 * Connects accounts the way a person does: start the flow, open the sandbox consent page, tick
 * the accounts and press Allow (or Cancel), follow the redirect back and complete it.
 */
export async function connectThroughOAuth(
  s: SpineServer,
  token: string,
  platform: 'facebook' | 'instagram' | 'whatsapp' | 'x',
  opts: { accounts?: string[]; decision?: 'allow' | 'cancel' } = {},
): Promise<{ status: number; json: Json }> {
  const started = await call(s, 'POST', '/api/v1/channels/connect', { token, body: { platform } });
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  const page = await fetch(started.json.authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no consent form in ${html.slice(0, 300)}`);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.append(m[1] as string, (m[2] as string).replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  const offered = [...html.matchAll(/name="account" value="([^"]+)"/g)].map((m) => m[1] as string);
  for (const account of opts.accounts ?? offered.slice(0, 1)) form.append('account', account);
  form.append('decision', opts.decision ?? 'allow');
  const consent = await fetch(new URL(action, started.json.authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(consent.status, await consent.clone().text()).toBe(302);
  const back = new URL(consent.headers.get('location') ?? '');
  expect(back.pathname).toBe(`/channels/callback/${platform}`);
  const state = back.searchParams.get('state');
  const code = back.searchParams.get('code');
  const error = back.searchParams.get('error');
  return call(s, 'POST', '/api/v1/channels/connect/complete', {
    token,
    body: { state, ...(code ? { code } : {}), ...(error ? { error } : {}) },
  });
}

/** A customer writes through the sandbox, which signs and delivers the platform's webhook. */
export async function customerWrites(
  s: SpineServer,
  input: {
    platform: 'facebook' | 'instagram' | 'whatsapp' | 'x';
    accountId: string;
    customer: { id: string; name?: string; username?: string };
    text: string;
    at?: string;
  },
): Promise<{ eventId: string; delivered: boolean; status: number }> {
  const res = await call(s, 'POST', '/sandbox/control/messages', { body: input });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

export async function sandboxThread(
  s: SpineServer,
  platform: string,
  accountId: string,
  customerId: string,
): Promise<{ direction: 'in' | 'out'; text: string; kind: string; tag?: string; status: string }[]> {
  const q = new URLSearchParams({ platform, accountId, customerId });
  const res = await call(s, 'GET', `/sandbox/control/threads?${q}`);
  return res.json.messages;
}

/** A workspace registered over HTTP: its owner's access token (also as `Signed` for api.ts helpers). */
export type Workspace = { token: string; tenantId: string; signed: Signed };

export async function register(s: SpineServer, name: string): Promise<Workspace> {
  const res = await call(s, 'POST', '/api/v1/auth/register', {
    body: {
      tenantName: name,
      name: 'Owner',
      email: `owner-${crypto.randomUUID().slice(0, 8)}@example.com`,
      password: PASSWORD,
    },
  });
  expect(res.status).toBe(201);
  return {
    token: res.json.accessToken,
    tenantId: res.json.tenant.id,
    signed: { session: res.json, token: res.json.accessToken, cookie: '' },
  };
}
