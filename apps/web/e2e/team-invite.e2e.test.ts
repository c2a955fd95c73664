// The team journey in a real browser against the real server: register → log out → log in →
// invite an agent → read the invitation in the Outbox → accept it in a second browser → the agent
// sees only what the role allows → the admin sees the new member.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
// Generous: a cold PGlite start and argon2 hashing on a small CI machine take their time.
const WAIT = { timeout: 30_000 };

const ADMIN_NAV = [
  'Inbox',
  'Channels',
  'Simulator',
  'Leads',
  'Analytics',
  'Settings',
  'CRM',
  'Team',
  'Audit log',
  'Outbox',
  'Account',
];

interface TestServer {
  url: string;
  close: () => Promise<void>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The row of the members table that holds this email. */
function memberRow(page: Page, email: string) {
  return page.getByRole('table').getByRole('row').filter({ hasText: email });
}

async function navLabels(page: Page): Promise<string[]> {
  await mainNav(page).getByRole('link').first().waitFor(WAIT);
  return (await mainNav(page).getByRole('link').allTextContents()).map((text) => text.trim());
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('team invitation journey (browser)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM)
      throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(join(WEB_ROOT, 'dist', 'index.html'))) {
      // The server serves the built dashboard; `npm test` builds it first, a direct vitest run may not have.
      const { build } = await import('vite');
      await build({ root: WEB_ROOT, logLevel: 'warn' });
    }
    const { startTestServer } = await import('../../server/test/helpers/start-server.ts');
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin invites an agent who joins and sees only what the role allows', async () => {
    if (!server || !browser) throw new Error('setup failed');
    try {
      await journey(server.url, browser);
    } catch (error) {
      // Leave a picture of every open page to show where the journey stopped.
      const pages = browser.contexts().flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, index) => shot(page, `failure-${index + 1}`).catch(() => undefined)),
      );
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);

  async function journey(url: string, browser: Browser): Promise<void> {
    const base = url.replace(/\/$/, '');
    const stamp = Date.now();
    const workspace = `Journey Coffee ${stamp}`;
    const admin = { name: 'Ada Admin', email: `ada.${stamp}@example.com`, password: 'correct horse battery' };
    const agent = { name: 'Alan Agent', email: `alan.${stamp}@example.com`, password: 'another long secret' };

    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await adminContext.newPage();
    page.on('pageerror', (error) => pageErrors.push(`admin: ${error.message}`));

    // 1. Register a new workspace: lands on the inbox (every role starts there), signed in.
    await page.goto(`${base}/register`);
    await page.getByLabel('Workspace name').fill(workspace);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await shot(page, '01-register-form');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor(WAIT);
    await page.getByRole('banner').getByText(workspace).waitFor(WAIT);
    await mainNav(page).getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(/\/team$/, WAIT);
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor(WAIT);
    await shot(page, '02-registered-team');

    // 2. Log out.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/, WAIT);
    await page.getByRole('heading', { name: 'Sign in to ReplyForce' }).waitFor(WAIT);
    await shot(page, '03-logged-out');

    // 3. Log in again.
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);
    expect(await navLabels(page)).toEqual(ADMIN_NAV);
    await mainNav(page).getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(/\/team$/, WAIT);
    await memberRow(page, admin.email).waitFor(WAIT);
    await shot(page, '04-logged-in-team');

    // A reload keeps the session: the access token lived in memory, the refresh cookie restores it.
    await page.reload();
    await memberRow(page, admin.email).waitFor(WAIT);
    expect(await navLabels(page)).toEqual(ADMIN_NAV);

    // 4. Invite a teammate as agent.
    const inviteForm = page.getByRole('form', { name: 'Invite a teammate' });
    await inviteForm.getByLabel('Email').fill(agent.email);
    await inviteForm.getByLabel('Role').selectOption('agent');
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${agent.email}`).waitFor(WAIT);
    await page.getByRole('list', { name: 'Pending invitations' }).getByText(agent.email).waitFor(WAIT);
    await shot(page, '05-invitation-sent');

    // 5. Read the invitation mail in the Outbox and take its link.
    await mainNav(page).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/outbox/, WAIT);
    await page
      .getByRole('link', { name: /invited you to/ })
      .first()
      .click();
    const body = page.getByTestId('mail-body');
    await body.waitFor(WAIT);
    expect(await body.textContent()).toContain(workspace);
    const href = await body
      .getByRole('link', { name: /\/accept-invite\?token=/ })
      .first()
      .getAttribute('href');
    expect(href).toBeTruthy();
    const link = new URL(href ?? '');
    // The test server's PUBLIC_URL is its own address, so the mailed link must open it as it is.
    expect(link.origin).toBe(new URL(base).origin);
    expect(link.pathname).toBe('/accept-invite');
    expect(link.searchParams.get('token')).toBeTruthy();
    await shot(page, '06-outbox-invitation');

    // 6. The teammate opens the link in a separate browser (on a phone-sized screen) and joins.
    const agentContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const agentPage = await agentContext.newPage();
    agentPage.on('pageerror', (error) => pageErrors.push(`agent: ${error.message}`));
    await agentPage.goto(link.href);
    await agentPage.getByRole('heading', { name: `Join ${workspace}` }).waitFor(WAIT);
    await agentPage.getByText(agent.email).waitFor(WAIT);
    await agentPage.getByLabel('Your name').fill(agent.name);
    await agentPage.getByLabel('Password').fill(agent.password);
    await shot(agentPage, '07-accept-invitation');
    await agentPage.getByRole('button', { name: 'Accept and join' }).click();

    // 7. The agent lands in the dashboard with the menu an agent may use and a read-only team.
    await agentPage.waitForURL(/\/team$/, WAIT);
    await memberRow(agentPage, admin.email).waitFor(WAIT);
    await memberRow(agentPage, agent.email).waitFor(WAIT);
    expect(await navLabels(agentPage)).toEqual([
      'Inbox',
      'Channels',
      'Simulator',
      'Leads',
      'Analytics',
      'Settings',
      'CRM',
      'Team',
      'Account',
    ]);
    await agentPage.getByRole('banner').getByText(agent.name).waitFor(WAIT);
    expect(await agentPage.getByRole('form', { name: 'Invite a teammate' }).count()).toBe(0);
    expect(await agentPage.getByRole('button', { name: /Send invitation|Remove|Revoke/ }).count()).toBe(0);
    expect(await agentPage.getByRole('table').getByRole('combobox').count()).toBe(0);
    await shot(agentPage, '08-agent-dashboard');

    // 8. Back in the admin's browser, the member list shows the teammate as an agent.
    await mainNav(page).getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(/\/team$/, WAIT);
    const agentRow = memberRow(page, agent.email);
    await agentRow.waitFor(WAIT);
    expect(await agentRow.getByRole('combobox', { name: `Role of ${agent.name}` }).inputValue()).toBe(
      'agent',
    );
    await page.getByText(`Members (2)`).waitFor(WAIT);
    await page.getByText('No pending invitations').waitFor(WAIT);
    // The owner's own row offers no role change and no removal.
    const ownerRow = memberRow(page, admin.email);
    expect(await ownerRow.getByRole('combobox').count()).toBe(0);
    expect(await ownerRow.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await shot(page, '09-admin-sees-teammate');

    await agentContext.close();
    await adminContext.close();
  }
});
