// The spine of the demo in a real browser against the real server, started the way `npm start`
// starts it (embedded database, sandbox on, demo workspace seeded with four sandbox channels):
// sign in as the demo admin → the four channels are healthy → in the customer simulator a new
// customer writes on Instagram → the AI's reply reaches the simulator and the conversation appears
// in the inbox live, without a reload → the agent takes it over and replies by hand → the reply
// reaches the customer → a viewer can read the conversation but gets no reply box.
//
// E2E_BASE_URL=http://127.0.0.1:3000 runs the same journey against a server that is already up
// (`npm start`), instead of starting one.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionDto } from '@replyforce/contracts';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const EXTERNAL_URL = process.env.E2E_BASE_URL?.replace(/\/$/, '');
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const WAIT = { timeout: 30_000 };
/** The AI pipeline and the sandbox's webhooks run between these steps; a cold start is slower. */
const PIPELINE = { timeout: 60_000 };

// The demo workspace (packages/core/src/tenants/seed-demo.ts).
const DEMO = { password: 'demo-password', admin: 'admin@acme.test', agent: 'agent@acme.test' };
const PRICE_QUESTION = "Hi! What's the price of the Pro plan? I need it for my team today.";

interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
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

/** `replyforce start` in a child process on a fresh data directory, as a newcomer runs it. */
async function startDemoServer(): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-spine-'));
  const output: string[] = [];
  // A clean environment: an inherited DATABASE_URL or REDIS_URL would point the demo elsewhere.
  const child: ChildProcess = spawn(process.execPath, [CLI, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SANDBOX: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const until = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${output.join('')}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready in time:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api<T>(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${base}/api/v1${path}`, {
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

/** A viewer in the demo workspace, joined through a real invitation (mail read from the outbox). */
async function createViewer(base: string): Promise<{ email: string; password: string }> {
  const admin = await api<SessionDto>(base, '/auth/login', {
    method: 'POST',
    body: { email: DEMO.admin, password: DEMO.password },
  });
  const email = `viewer.${Date.now()}@acme.test`;
  await api(base, '/team/invitations', {
    method: 'POST',
    token: admin.accessToken,
    body: { email, role: 'viewer' },
  });
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    const box = await api<{ items: { to: string; text: string }[] }>(base, '/outbox', {
      token: admin.accessToken,
    });
    const mail = box.items.find((m) => m.to === email);
    const match = mail && /accept-invite\?token=([^\s]+)/.exec(mail.text);
    if (match?.[1]) token = decodeURIComponent(match[1]);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!token) throw new Error('the invitation mail never reached the outbox');
  const password = 'viewer password 123';
  await api(base, '/invitations/accept', { method: 'POST', body: { token, name: 'Vera Viewer', password } });
  return { email, password };
}

async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Every role that can read conversations lands on the inbox.
  await page.waitForURL(/\/inbox$/, WAIT);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor(WAIT);
}

/** The live connection is up: what happens next must show without a reload. */
async function waitForLive(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Live updates: Live' }).waitFor(WAIT);
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('conversation spine (browser)', () => {
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
      if (!existsSync(join(WEB_ROOT, 'dist', 'index.html'))) {
        const { build } = await import('vite');
        await build({ root: WEB_ROOT, logLevel: 'warn' });
      }
      server = await startDemoServer();
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

  it('a customer message reaches the inbox live, the AI and an agent answer, a viewer only reads', async () => {
    if (!server || !browser) throw new Error('setup failed');
    try {
      await journey(server.url, browser);
    } catch (error) {
      const pages = browser.contexts().flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, index) => shot(page, `spine-failure-${index + 1}`).catch(() => undefined)),
      );
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 420_000);

  function watch(context: BrowserContext, who: string): void {
    context.on('page', (page) =>
      page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`)),
    );
  }

  async function journey(base: string, browser: Browser): Promise<void> {
    // 1. The demo admin signs in and lands on the inbox, with the new pages first in the menu.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(adminContext, 'admin');
    const inbox = await adminContext.newPage();
    await signIn(inbox, base, DEMO.admin, DEMO.password);
    const labels = (await mainNav(inbox).getByRole('link').allTextContents()).map((t) => t.trim());
    expect(labels.slice(0, 3)).toEqual(['Inbox', 'Channels', 'Simulator']);

    // 2. Channels: four sandbox channels, connected and healthy; a live check confirms one.
    await mainNav(inbox).getByRole('link', { name: 'Channels' }).click();
    await inbox.getByRole('heading', { name: 'Channels', level: 1 }).waitFor(WAIT);
    await inbox.getByRole('heading', { name: 'Connected channels (4)' }).waitFor(WAIT);
    const connected = inbox.getByRole('article');
    expect(await connected.count()).toBe(4);
    for (const product of [
      'Facebook Page',
      'Instagram professional account',
      'WhatsApp Business number',
      'X account',
    ]) {
      await connected.filter({ hasText: product }).getByText('Active', { exact: true }).waitFor(WAIT);
    }
    const instagramCard = connected.filter({ hasText: 'Instagram professional account' });
    await instagramCard.getByRole('button', { name: /Check the status/ }).click();
    await instagramCard.getByText('Instagram accepted the access token just now.').waitFor(WAIT);
    await shot(inbox, 'spine-01-channels');

    // 3. Back to the inbox; it is live. A marker on the page proves later that it never reloaded.
    await mainNav(inbox).getByRole('link', { name: 'Inbox' }).click();
    await inbox.waitForURL(/\/inbox$/, WAIT);
    await waitForLive(inbox);
    await inbox.evaluate(() => {
      (window as unknown as { spineMarker: string }).spineMarker = 'still here';
    });

    // 4. In a second tab, the simulator: a new customer writes to the Instagram account.
    const simulator = await adminContext.newPage();
    await simulator.goto(`${base}/simulator`);
    await simulator.getByRole('heading', { name: 'Customer simulator', level: 1 }).waitFor(WAIT);
    await simulator
      .getByRole('group', { name: 'Instagram' })
      .getByRole('radio', { name: /In this workspace/ })
      .first()
      .check();
    await simulator.getByRole('button', { name: 'New customer' }).click();
    const customerName = await simulator.getByLabel('Customer name').inputValue();
    const customerId = await simulator.getByLabel('Customer id').inputValue();
    expect(customerName).not.toBe('');
    expect(customerId).toMatch(/^\d+$/);
    // Instagram's webhook carries no name: the inbox shows the person's name once it knows it, else
    // their platform id. Either identifies the new conversation.
    const who = new RegExp(`${escapeRegExp(customerName)}|${escapeRegExp(customerId)}`);
    await simulator.getByRole('button', { name: `Use example: ${PRICE_QUESTION}` }).click();
    expect(await simulator.getByLabel('Message', { exact: true }).inputValue()).toBe(PRICE_QUESTION);
    await simulator.getByRole('button', { name: 'Send as customer' }).click();
    await simulator.getByText(/delivered it to ReplyForce/).waitFor(WAIT);

    // The customer's side of the thread: their message, then the business's (AI's) reply.
    const thread = simulator.getByRole('log', { name: /Messages between/ });
    await thread.getByText(PRICE_QUESTION).waitFor(WAIT);
    await thread.locator('li[data-direction="out"]').first().waitFor(PIPELINE);
    await shot(simulator, 'spine-02-simulator-ai-reply');

    // 5. The conversation appeared in the inbox by itself, and the page was never reloaded.
    const conversations = inbox.getByRole('list', { name: 'Conversations' });
    const row = conversations.getByRole('link', { name: who });
    await row.waitFor(WAIT);
    expect(await inbox.evaluate(() => (window as unknown as { spineMarker?: string }).spineMarker)).toBe(
      'still here',
    );
    await shot(inbox, 'spine-03-inbox-live');

    // Opening it shows the customer's message and the AI's answer.
    await row.click();
    await inbox.getByRole('heading', { name: who, level: 2 }).waitFor(WAIT);
    const adminThread = inbox.getByRole('log', { name: /Messages with/ });
    await adminThread.getByText(PRICE_QUESTION).waitFor(WAIT);
    await adminThread.getByText('AI assistant').first().waitFor(PIPELINE);
    await shot(inbox, 'spine-04-conversation');

    // 6. The agent signs in elsewhere, takes the conversation over and answers by hand.
    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(agentContext, 'agent');
    const agent = await agentContext.newPage();
    await signIn(agent, base, DEMO.agent, DEMO.password);
    await agent.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: who }).click();
    await agent.getByRole('heading', { name: who, level: 2 }).waitFor(WAIT);
    await agent.getByRole('button', { name: 'Assign to me' }).click();
    await agent.getByText('Assigned to You').waitFor(WAIT);
    const answer = `Hello ${customerName}, this is Alex from Acme: the Pro plan is 49 € a month. (${Date.now()})`;
    const replyBox = agent.getByRole('textbox', { name: /Reply to/ });
    await replyBox.fill(answer);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    const agentThread = agent.getByRole('log', { name: /Messages with/ });
    await agentThread.getByText(answer).waitFor(WAIT);
    await expect.poll(() => replyBox.inputValue(), WAIT).toBe('');
    await shot(agent, 'spine-05-agent-replied');

    // The reply reaches the customer on the platform, and the admin's open conversation, live.
    await thread.locator('li[data-direction="out"]').filter({ hasText: answer }).waitFor(PIPELINE);
    await adminThread.getByText(answer).waitFor(WAIT);
    await shot(simulator, 'spine-06-simulator-agent-reply');

    // 7. A viewer (on a phone) reads the same conversation and has nothing to reply with.
    const viewerLogin = await createViewer(base);
    const viewerContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    watch(viewerContext, 'viewer');
    const viewer = await viewerContext.newPage();
    await signIn(viewer, base, viewerLogin.email, viewerLogin.password);
    await viewer.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: who }).click();
    await viewer.getByRole('heading', { name: who, level: 2 }).waitFor(WAIT);
    await viewer
      .getByRole('log', { name: /Messages with/ })
      .getByText(answer)
      .waitFor(WAIT);
    await viewer.getByText('Your role can read conversations but not reply.').waitFor(WAIT);
    expect(await viewer.getByRole('form', { name: 'Reply' }).count()).toBe(0);
    expect(await viewer.getByRole('textbox', { name: /Reply to/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Send|Assign to me|Close|Snooze/ }).count()).toBe(0);
    await shot(viewer, 'spine-07-viewer-read-only');

    await viewerContext.close();
    await agentContext.close();
    await adminContext.close();
  }
});
