// The agent journey of issue 6 in a real browser against the real server: PostgreSQL with BullMQ
// on Redis (the embedded defaults when those are not reachable), sandbox on, demo workspace seeded,
// serving a dashboard built from the current sources for this run.
//
// The workspace holds negative messages for approval (its auto-reply rules). Customers write
// through the sandbox: two negative questions the FAQ answers become AI drafts, which appear live
// in the approval queue with their analysis → a viewer (on a phone) reads a draft with no way to
// act on it → the agent edits and approves one (it reaches the customer) and rejects the other →
// a legal threat is escalated → the agent takes it over, the customer asks again, the agent sends
// the AI's suggested answer, edited, and hands the conversation back to the AI. axe finds no
// critical violation in the inbox; screenshots at 1280 and 360 px, light and dark.
//
// E2E_BASE_URL=http://127.0.0.1:3000 runs it against a demo server that is already up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { SessionDto } from '@replyforce/contracts';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const EXTERNAL_URL = process.env.E2E_BASE_URL?.replace(/\/$/, '');
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const WAIT = { timeout: 30_000 };
/** The AI pipeline and the sandbox's webhooks run between these steps; a cold start is slower. */
const PIPELINE = { timeout: 60_000 };

// The demo workspace (packages/core/src/tenants/seed-demo.ts) and its FAQ (seed-demo-knowledge.ts).
const DEMO = { password: 'demo-password', admin: 'admin@acme.test', agent: 'agent@acme.test' };
// Messages the real pipeline treats as the journey needs (checked against packages/ai's rules and
// apps/server/test/ai-pipeline.test.ts): negative and answered by the FAQ → held for approval;
// legal words with critical urgency → handed to a person.
const NEGATIVE_PRICE =
  'Delivery is way too expensive and my last order was late. How much does delivery cost?';
const NEGATIVE_OAT = 'The oat milk was awful yesterday. Do you have oat milk that tastes better?';
const LEGAL_THREAT = "This is the third time my order is late, I want a refund or I'll call my lawyer";
const FOLLOW_UP = 'Also, do you have oat milk?';

interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `agent-journey-${name}.png`), fullPage: true });
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The dashboard built from the current sources into a directory of this run's own: other people
 * rebuild apps/web/dist while a journey runs, and the server lists its files once at start.
 */
async function buildDashboard(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

/**
 * The whole server in this process, assembled as `replyforce start` assembles it (apps/server
 * main.ts): PostgreSQL and BullMQ on Redis when the test suites find them (each on a fresh
 * database and queue prefix), else the embedded defaults; sandbox on; the demo workspace seeded
 * with its four sandbox channels and first customers. It serves this run's own dashboard build.
 */
async function startServer(): Promise<RunningServer> {
  const { loadConfig } = await import('@replyforce/config');
  const { seedDemo, seedDemoChannels } = await import('@replyforce/core');
  const { default: pino } = await import('pino');
  const { buildApp } = await import('../../server/src/build-app.ts');
  const { openRuntime } = await import('../../server/src/runtime.ts');
  const sandboxing = await import('../../server/src/sandbox.ts');
  const { startWorkers } = await import('../../server/src/workers/index.ts');
  const { databaseKinds, freshDatabase } = await import('../../server/test/helpers/databases.ts');
  const { redisAvailable, deleteKeys, TEST_REDIS_URL } = await import('../../server/test/helpers/redis.ts');

  const dataDir = mkdtempSync(join(tmpdir(), 'rf-agent-'));
  const webDist = join(dataDir, 'web');
  await buildDashboard(webDist);
  const database = await freshDatabase((await databaseKinds()).includes('postgres') ? 'postgres' : 'pglite');
  const redis = database.url && (await redisAvailable()) ? TEST_REDIS_URL : undefined;
  const queuePrefix = `rf-e2e-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    SANDBOX: 'true',
    SEED_DEMO: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('base64'),
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...(redis ? { REDIS_URL: redis, QUEUE_PREFIX: queuePrefix } : {}),
  });
  const runtime = await openRuntime(config, {
    database: database.db,
    queuePrefix,
    xWebhookId: sandboxing.sandboxXWebhookId(config),
  });
  const sandbox = sandboxing.createAppSandbox(config);
  if (!sandbox) throw new Error('the sandbox is off');
  await seedDemo(runtime.deps);
  await seedDemoChannels(runtime.deps, sandboxing.demoGrants(sandbox));
  await startWorkers(runtime.deps, pino({ level: 'silent' }));
  const app = await buildApp(runtime.deps, { logger: false, webDist, sandbox });
  await app.listen({ host: '127.0.0.1', port });
  await sandboxing.seedDemoConversations(app, sandbox);
  // The journey runs on the services it was given, not silently on the defaults.
  const ready = (await (await fetch(`${url}/readyz`)).json()) as { checks: Record<string, string> };
  expect(ready.checks).toMatchObject({ database: 'ok', redis: redis ? 'ok' : 'not_configured' });
  console.info(
    `agent journey on ${database.url ? 'PostgreSQL' : 'PGlite'}, jobs ${redis ? 'on BullMQ/Redis' : 'in process'}`,
  );
  return {
    url,
    close: async () => {
      await app.close();
      await sandbox.close();
      await runtime.close();
      await database.drop();
      if (redis) await deleteKeys(redis, `${queuePrefix}:*`).catch(() => 0);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function call<T>(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function login(base: string, email: string, password: string): Promise<SessionDto> {
  return call<SessionDto>(base, '/api/v1/auth/login', { method: 'POST', body: { email, password } });
}

/** A viewer in the demo workspace, joined through a real invitation (mail read from the outbox). */
async function createViewer(base: string, adminToken: string): Promise<{ email: string; password: string }> {
  const email = `viewer.${Date.now()}@acme.test`;
  await call(base, '/api/v1/team/invitations', {
    method: 'POST',
    token: adminToken,
    body: { email, role: 'viewer' },
  });
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    const box = await call<{ items: { to: string; text: string }[] }>(base, '/api/v1/outbox', {
      token: adminToken,
    });
    const mail = box.items.find((m) => m.to === email);
    const match = mail && /accept-invite\?token=([^\s]+)/.exec(mail.text);
    if (match?.[1]) token = decodeURIComponent(match[1]);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!token) throw new Error('the invitation mail never reached the outbox');
  const password = 'viewer password 123';
  await call(base, '/api/v1/invitations/accept', {
    method: 'POST',
    body: { token, name: 'Vera Viewer', password },
  });
  return { email, password };
}

/** The demo's Facebook Page in the sandbox (the account the demo workspace connected). */
async function facebookPage(base: string): Promise<string> {
  const { accounts } = await call<{
    accounts: { platform: string; accountId: string; connectedTo?: string }[];
  }>(base, '/sandbox/control/accounts');
  const page = accounts.find((a) => a.platform === 'facebook' && a.connectedTo?.startsWith(base));
  if (!page) throw new Error('the demo workspace has no sandbox Facebook Page');
  return page.accountId;
}

/** A customer writes on Messenger: the sandbox signs and delivers the platform's webhook. */
async function customerWrites(
  base: string,
  pageId: string,
  customer: { id: string; name: string },
  text: string,
): Promise<void> {
  await call(base, '/sandbox/control/messages', {
    method: 'POST',
    body: { platform: 'facebook', accountId: pageId, customer, text },
  });
}

/** What the customer received on Messenger. */
async function customerSees(base: string, pageId: string, customerId: string): Promise<string[]> {
  const q = new URLSearchParams({ platform: 'facebook', accountId: pageId, customerId });
  const thread = await call<{ messages: { direction: string; text: string }[] }>(
    base,
    `/sandbox/control/threads?${q}`,
  );
  return thread.messages.filter((m) => m.direction === 'out').map((m) => m.text);
}

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/inbox$/, WAIT);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor(WAIT);
}

function statusTab(page: Page, name: RegExp) {
  return page.getByRole('navigation', { name: 'Conversation status' }).getByRole('link', { name });
}

function conversationRow(page: Page, name: string) {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) });
}

/** Critical axe violations on the page as it is now (serious ones are returned for the report). */
async function axe(page: Page): Promise<{ critical: string[]; serious: string[] }> {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (impact: string) =>
    results.violations
      .filter((v) => v.impact === impact)
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  return { critical: describe('critical'), serious: describe('serious') };
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('agent journey (browser)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM)
      throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    mkdirSync(SHOTS, { recursive: true });
    if (EXTERNAL_URL) {
      server = { url: EXTERNAL_URL, close: async () => {} };
    } else {
      server = await startServer();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        // Background tabs must keep their timers and live connection running, as a person's would.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  it('approves an AI draft, takes over an escalated conversation and hands it back; a viewer only reads', async () => {
    if (!server || !browser) throw new Error('setup failed');
    try {
      await journey(server.url, browser);
    } catch (error) {
      const pages = browser.contexts().flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, index) => shot(page, `failure-${index + 1}`).catch(() => undefined)),
      );
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 480_000);

  function watch(context: BrowserContext, who: string): void {
    context.on('page', (page) =>
      page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`)),
    );
  }

  async function journey(base: string, browser: Browser): Promise<void> {
    const suffix = Date.now().toString(36).slice(-5);
    const dana = { id: `7300${Date.now()}1`, name: `Dana Reyes ${suffix}` };
    const omar = { id: `7300${Date.now()}2`, name: `Omar Haddad ${suffix}` };
    const sam = { id: `7300${Date.now()}3`, name: `Sam Cross ${suffix}` };

    // The workspace's rules: negative messages wait for a person's approval.
    const admin = await login(base, DEMO.admin, DEMO.password);
    await call(base, '/api/v1/settings/auto-reply', {
      method: 'PUT',
      token: admin.accessToken,
      body: { negative: 'approve' },
    });
    const pageId = await facebookPage(base);

    // 1. The agent opens the approval queue; it is live. A marker proves later it never reloaded.
    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(agentContext, 'agent');
    const agent = await agentContext.newPage();
    await signIn(agent, base, DEMO.agent, DEMO.password);
    await statusTab(agent, /^Awaiting approval/).click();
    await agent.waitForURL(/status=pending_approval/, WAIT);
    await agent.getByRole('status').filter({ hasText: 'Live updates: Live' }).waitFor(WAIT);
    await agent.evaluate(() => {
      (window as unknown as { journeyMarker: string }).journeyMarker = 'still here';
    });

    // 2. Two unhappy customers write; the AI drafts answers and the rules hold them back.
    await customerWrites(base, pageId, dana, NEGATIVE_PRICE);
    await customerWrites(base, pageId, omar, NEGATIVE_OAT);
    await conversationRow(agent, dana.name).waitFor(PIPELINE);
    await conversationRow(agent, omar.name).waitFor(PIPELINE);
    await agent.getByTestId('queue-count-pending_approval').waitFor(WAIT);
    expect(await agent.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
      'still here',
    );

    // 3. Dana's conversation: what the AI made of the message, and its draft.
    await conversationRow(agent, dana.name).click();
    await agent.getByRole('heading', { name: dana.name, level: 2 }).waitFor(WAIT);
    const analysis = agent.getByRole('region', { name: /AI analysis/ });
    await analysis.getByText('Negative', { exact: true }).waitFor(WAIT);
    await analysis.getByText('Lead: HOT').waitFor(WAIT);
    await analysis.getByText('Pricing inquiry').waitFor(WAIT);
    await analysis.getByText('Held for approval').waitFor(WAIT);
    await analysis.getByText('Spam: none').waitFor(WAIT);
    await analysis.getByText('Personal data: none').waitFor(WAIT);
    const draftBox = agent.getByRole('textbox', { name: /Draft reply/ });
    expect(await draftBox.inputValue()).toMatch(/Delivery is free within 10 km/);
    await shot(agent, '01-approval-queue-1280-light');
    const lightAxe = await axe(agent);
    expect(lightAxe.critical).toEqual([]);

    // 4. A viewer, on a phone in dark mode, reads Omar's draft and can do nothing with it.
    const viewerLogin = await createViewer(base, admin.accessToken);
    const viewerContext = await browser.newContext({
      viewport: { width: 360, height: 740 },
      colorScheme: 'dark',
    });
    watch(viewerContext, 'viewer');
    const viewer = await viewerContext.newPage();
    await signIn(viewer, base, viewerLogin.email, viewerLogin.password);
    await statusTab(viewer, /^Awaiting approval/).click();
    await conversationRow(viewer, omar.name).click();
    await viewer.getByRole('heading', { name: omar.name, level: 2 }).waitFor(WAIT);
    await viewer.getByText('AI draft awaiting approval').waitFor(WAIT);
    await viewer.getByText('An agent approves, edits or rejects it.').waitFor(WAIT);
    await viewer.getByText('Your role can read conversations but not reply.').waitFor(WAIT);
    // The only text field a viewer has is the search box (a searchbox, not a textbox).
    expect(await viewer.getByRole('textbox').count()).toBe(0);
    expect(
      await viewer
        .getByRole('button', {
          name: /Approve|Reject|Send|Take over|Assign to me|Hand back|Snooze|Close|Use this reply/,
        })
        .count(),
    ).toBe(0);
    expect(await viewer.getByRole('combobox', { name: 'Assign to a teammate' }).count()).toBe(0);
    await shot(viewer, '02-viewer-draft-360-dark');
    const darkAxe = await axe(viewer);
    expect(darkAxe.critical).toEqual([]);

    // 5. The agent edits Dana's draft and approves it: the edited answer reaches Dana.
    const edited = `Delivery is $4.50, or free within 10 km on orders over $25. Sorry about the late order, Dana! (${suffix})`;
    await draftBox.fill(edited);
    await agent.getByRole('button', { name: 'Approve edited reply' }).click();
    await agent.getByText('Your edited reply was approved and is on its way to the customer.').waitFor(WAIT);
    const agentThread = agent.getByRole('log', { name: /Messages with/ });
    await agentThread.getByText(edited).waitFor(WAIT);
    await agentThread.getByText('edited and approved by you').waitFor(WAIT);
    await expect.poll(() => customerSees(base, pageId, dana.id), PIPELINE).toEqual([edited]);
    // Approved, the conversation leaves the approval queue by itself.
    await conversationRow(agent, dana.name).waitFor({ state: 'detached', ...WAIT });
    await shot(agent, '03-draft-approved-1280-light');

    // 6. Omar's draft is rejected: nothing is sent and the conversation needs a person.
    await conversationRow(agent, omar.name).click();
    await agent.getByRole('heading', { name: omar.name, level: 2 }).waitFor(WAIT);
    await agent.getByRole('button', { name: 'Reject draft' }).click();
    await agent.getByText(/The draft was rejected and nothing was sent/).waitFor(WAIT);
    await agent.getByRole('article').getByText('Escalated', { exact: true }).waitFor(WAIT);
    expect(await customerSees(base, pageId, omar.id)).toEqual([]);
    // The viewer's open conversation follows without a reload.
    await viewer.getByText('Rejected draft, not sent').waitFor(WAIT);

    // 7. A legal threat: the AI hands it to a person, and it appears in Escalated live.
    await statusTab(agent, /^Escalated/).click();
    await agent.waitForURL(/status=needs_human/, WAIT);
    await conversationRow(agent, omar.name).waitFor(WAIT);
    await customerWrites(base, pageId, sam, LEGAL_THREAT);
    await conversationRow(agent, sam.name).waitFor(PIPELINE);
    await conversationRow(agent, sam.name).click();
    await agent.getByRole('heading', { name: sam.name, level: 2 }).waitFor(WAIT);
    await agent.getByText('Escalated: a person needs to answer').waitFor(WAIT);
    await agent.getByText(/Handed over by the AI: .*legal or compliance words/).waitFor(WAIT);
    await agent
      .getByRole('region', { name: /AI analysis/ })
      .getByText('Handed to a person')
      .waitFor(WAIT);
    // The customer got the holding message.
    await expect.poll(async () => (await customerSees(base, pageId, sam.id)).length, PIPELINE).toBe(1);

    // 8. The agent takes it over.
    await agent.getByRole('button', { name: 'Take over' }).click();
    await agent.getByText('Assigned to You').waitFor(WAIT);
    await shot(agent, '04-escalated-taken-over-1280-light');

    // 9. Sam asks again: the AI stays quiet (a person has it) but suggests an answer, which the
    // agent puts in the reply box, edits and sends as a manual reply.
    await customerWrites(base, pageId, sam, FOLLOW_UP);
    const suggestion = agent.getByRole('region', { name: /Suggested reply/ });
    await suggestion.getByText(/oat, almond and soy milk/).waitFor(PIPELINE);
    await suggestion.getByRole('button', { name: 'Use this reply' }).click();
    const replyBox = agent.getByRole('textbox', { name: `Reply to ${sam.name}` });
    await expect.poll(() => replyBox.inputValue(), WAIT).toMatch(/oat, almond and soy milk/);
    const manual = `${await replyBox.inputValue()} And I am looking into your late order myself. (${suffix})`;
    await replyBox.fill(manual);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await agentThread.getByText(manual).waitFor(WAIT);
    await expect.poll(() => replyBox.inputValue(), WAIT).toBe('');
    await expect.poll(async () => (await customerSees(base, pageId, sam.id)).at(-1), PIPELINE).toBe(manual);

    // 10. Handed back to the AI: open again, and gone from Escalated without a reload.
    await agent.getByRole('button', { name: 'Hand back to the AI' }).click();
    await agent.getByRole('article').getByText('Open', { exact: true }).waitFor(WAIT);
    await conversationRow(agent, sam.name).waitFor({ state: 'detached', ...WAIT });
    expect(await agent.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe(
      'still here',
    );

    // 11. Omar, rejected earlier, still waits in Escalated: the agent gives it to a teammate and
    // snoozes it until a chosen time (the form's default: this time tomorrow).
    await conversationRow(agent, omar.name).click();
    await agent.getByRole('heading', { name: omar.name, level: 2 }).waitFor(WAIT);
    await agent.getByText('The AI’s draft was rejected.', { exact: false }).waitFor(WAIT);
    await agent
      .getByRole('combobox', { name: 'Assign to a teammate' })
      .selectOption({ label: 'Ada Admin (admin)' });
    await agent.getByText('Assigned to Ada Admin').waitFor(WAIT);
    await agent.getByRole('button', { name: 'Snooze' }).click();
    const until = await agent.getByLabel('Until a date and time').inputValue();
    expect(until).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await agent.getByRole('button', { name: 'Snooze until then' }).click();
    await agent.getByRole('article').getByText('Snoozed', { exact: true }).waitFor(WAIT);
    await agent.getByText(/snoozed until/).waitFor(WAIT);
    await conversationRow(agent, omar.name).waitFor({ state: 'detached', ...WAIT });

    // 12. The same inbox at the other width and theme, each checked by axe.
    await shot(agent, '05-handed-back-1280-light');
    const agentDark = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'dark',
    });
    watch(agentDark, 'agent (dark)');
    const dark = await agentDark.newPage();
    await signIn(dark, base, DEMO.agent, DEMO.password);
    await conversationRow(dark, sam.name).click();
    await dark.getByRole('region', { name: /AI analysis/ }).waitFor(WAIT);
    await shot(dark, '06-conversation-1280-dark');
    const darkAgentAxe = await axe(dark);
    expect(darkAgentAxe.critical).toEqual([]);
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    watch(phone, 'agent (phone)');
    const small = await phone.newPage();
    await signIn(small, base, DEMO.agent, DEMO.password);
    await shot(small, '07-inbox-360-light');
    await conversationRow(small, dana.name).click();
    await small.getByRole('region', { name: /AI analysis/ }).waitFor(WAIT);
    await shot(small, '08-conversation-360-light');
    const smallAxe = await axe(small);
    expect(smallAxe.critical).toEqual([]);

    // Serious findings do not fail the journey, but are printed for the report.
    const serious = [lightAxe, darkAxe, darkAgentAxe, smallAxe].flatMap((found) => found.serious);
    if (serious.length) console.warn(`axe, serious: ${[...new Set(serious)].join('\n')}`);

    await Promise.all([phone.close(), agentDark.close(), viewerContext.close(), agentContext.close()]);
  }
});
