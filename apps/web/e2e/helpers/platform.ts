// What a browser journey needs around it: the whole platform listening in this process (API,
// workers, scheduler, the sandbox at /sandbox and a dashboard built for this run), Chromium, and
// the screenshot and axe checks every journey makes. The setup follows crm.e2e.test.ts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { loadConfig } from '@replyforce/config';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../../server/src/build-app.ts';
import { openRuntime } from '../../../server/src/runtime.ts';
import { createAppSandbox, sandboxXWebhookId } from '../../../server/src/sandbox.ts';
import { startScheduler } from '../../../server/src/scheduler/index.ts';
import { startWorkers } from '../../../server/src/workers/index.ts';
import { databaseKinds, freshDatabase } from '../../../server/test/helpers/databases.ts';
import { freePort } from '../../../server/test/helpers/free-port.ts';
import { TEST_MASTER_KEY } from '../../../server/test/helpers/test-app.ts';

export const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where every e2e test leaves its screenshots for CI to keep. */
export const SHOTS = fileURLToPath(new URL('../../../../test-results/e2e/', import.meta.url));

export interface Platform {
  url: string;
  /** 'postgres' when PostgreSQL answered, else 'pglite'. */
  database: string;
  close: () => Promise<void>;
}

/**
 * The dashboard built from the current sources into a directory of this run's own: apps/web/dist
 * may be stale, or emptied by someone else's rebuild while the journey runs.
 */
export async function buildDashboard(prefix: string): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-web-`));
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The platform as `replyforce start` runs it, on a fresh database: the scheduler's CRM dispatcher
 * runs every half second so a queued sync goes out while the browser watches.
 */
export async function startPlatform(
  webDist: string,
  prefix: string,
  /** Settings on top of these defaults (shorter retries, …). */
  env: Record<string, string> = {},
): Promise<Platform> {
  const kind = (await databaseKinds()).includes('postgres') ? 'postgres' : 'pglite';
  const database = await freshDatabase(kind);
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    PUBLIC_URL: url,
    SANDBOX: 'true',
    SEED_DEMO: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    MASTER_KEY: TEST_MASTER_KEY,
    CRM_DISPATCH_INTERVAL_MS: '500',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const runtime = await openRuntime(config, {
    database: database.db,
    queuePrefix: `${prefix}-${crypto.randomUUID().slice(0, 8)}`,
    xWebhookId: sandboxXWebhookId(config),
  });
  const sandbox = createAppSandbox(config);
  if (!sandbox) throw new Error('the sandbox is off');
  const log = pino({ level: 'silent' });
  await startWorkers(runtime.deps, log);
  const stopScheduler = startScheduler(runtime.deps, log, config.sweepIntervalSeconds * 1000);
  const app = await buildApp(runtime.deps, { logger: false, webDist, sandbox });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    database: kind,
    async close() {
      stopScheduler();
      await app.close();
      await sandbox.close();
      await runtime.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium as the e2e tests run it; background tabs keep their timers and live connection. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe's critical findings fail the test; serious ones are collected for the report. */
export async function expectNoCriticalAxe(page: Page, where: string, serious: string[]): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const targets = (v: (typeof results.violations)[number]) =>
    v.nodes.map((n) => n.target.join(' ')).join(', ');
  for (const v of results.violations.filter((v) => v.impact === 'serious'))
    serious.push(`${where}: ${v.id} (${targets(v)})`);
  expect(
    results.violations.filter((v) => v.impact === 'critical').map((v) => `${v.id}: ${targets(v)}`),
    `critical axe violations on ${where}`,
  ).toEqual([]);
}

/** A JSON call to the server (the API under /api/v1, or the sandbox's control API under /sandbox). */
export async function call<T>(base: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
