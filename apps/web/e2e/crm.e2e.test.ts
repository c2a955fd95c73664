// CRM settings in a real browser against the real server (PostgreSQL when it answers, else PGlite;
// the sandbox platforms and CRMs; the built dashboard): a new workspace's admin connects a sandbox
// Instagram account and the sandbox HubSpot through HubSpot's consent page; a customer writes and
// the lead reaches HubSpot (sync status and the sandbox portal both say so); the admin changes the
// field mapping, which survives a reload; a mapping HubSpot cannot take is refused by the API with
// its message on the row; an outage sends a sync to the dead letters and Retry delivers it; a
// revoked grant shows the reconnect prompt and reconnecting restores the connection; a viewer sees
// the connection but no connect, mapping or queue controls. axe finds no critical violation;
// screenshots at 1280 and 360 px, light and dark, go to test-results/e2e/.
import { existsSync } from 'node:fs';
import type { LeadDto, SessionDto } from '@replyforce/contracts';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDashboard,
  CHROMIUM,
  expectNoCriticalAxe,
  launchChromium,
  type Platform,
  shot,
  startPlatform,
} from './helpers/platform.ts';

const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const WAIT = { timeout: 30_000 };
/** The AI pipeline, the sandbox's webhooks and the CRM dispatcher run between these steps. */
const PIPELINE = { timeout: 60_000 };
const PRICE_QUESTION = "Hi! What's the price of the Pro plan? I need it for my team today.";
/** The lead-tag mapping the admin sets in the editor (HubSpot's default maps HOT to IN_PROGRESS). */
const TAG_MAP = { HOT: 'CONNECTED', WARM: 'OPEN', COLD: 'NEW' } as const;

/** The page at 1280 and 360 px wide, light then dark; at 360 nothing may stick out sideways. */
async function shotsEverywhere(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, `${name}-1280-${scheme}`);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at 360 px (${scheme})`,
    ).toBeLessThanOrEqual(360);
    await shot(page, `${name}-360-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(before);
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

async function api<T>(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${base}${path.startsWith('/sandbox') ? '' : '/api/v1'}${path}`, {
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

interface SandboxRecord {
  id: string;
  values: Record<string, string>;
}

/** What the sandbox HubSpot portal holds, read through its control API (docs/crm-sync.md). */
async function portalRecords(base: string, portal: string) {
  return api<{ records: SandboxRecord[]; notes: { recordId: string }[] }>(
    base,
    `/sandbox/control/crm/hubspot/accounts/${portal}/records`,
  );
}

/** A viewer in the admin's workspace, joined through a real invitation read from the outbox. */
async function inviteViewer(base: string, token: string) {
  const email = `vic.${Date.now()}@example.com`;
  await api(base, '/team/invitations', { method: 'POST', token, body: { email, role: 'viewer' } });
  let invite: string | undefined;
  for (let i = 0; i < 100 && !invite; i++) {
    const box = await api<{ items: { to: string; text: string }[] }>(base, '/outbox', { token });
    const match = /accept-invite\?token=([^\s]+)/.exec(box.items.find((m) => m.to === email)?.text ?? '');
    if (match?.[1]) invite = decodeURIComponent(match[1]);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!invite) throw new Error('the invitation mail never reached the outbox');
  const password = 'viewer password 123';
  await api(base, '/invitations/accept', {
    method: 'POST',
    body: { token: invite, name: 'Vic Viewer', password },
  });
  return { email, password };
}

/** The number the sync panel shows for one state ("Synced", "Gave up", …). */
function syncCount(page: Page, label: string): Promise<string> {
  return page
    .getByRole('region', { name: 'Sync status' })
    .locator('dl > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd')
    .innerText();
}

function mappingForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Field mapping for HubSpot' });
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('CRM settings (browser)', () => {
  let server: Platform | undefined;
  let browser: Browser | undefined;
  let dashboard: Awaited<ReturnType<typeof buildDashboard>> | undefined;
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM)
      throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    dashboard = await buildDashboard('rf-crm-e2e');
    // Retries of a failed CRM sync are short (two, 300 ms apart) so an outage reaches the dead
    // letters while the test watches.
    server = await startPlatform(dashboard.dir, 'rf-crm-e2e', { CRM_RETRY_DELAYS_MS: '300,300' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dashboard?.remove();
    if (axeFindings.length > 0) console.info(`axe (serious, not failing):\n${axeFindings.join('\n')}`);
  }, 60_000);

  it('an admin connects HubSpot, leads sync, the mapping is edited and checked, a dead letter is retried, a viewer only reads', async () => {
    if (!server || !browser) throw new Error('setup failed');
    try {
      await journey(server.url, browser);
    } catch (error) {
      const pages = browser.contexts().flatMap((context) => context.pages());
      console.error(`pages open when it failed:\n${pages.map((p, i) => `${i + 1}: ${p.url()}`).join('\n')}`);
      await Promise.all(
        pages.map((page, index) => shot(page, `crm-failure-${index + 1}`).catch(() => undefined)),
      );
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 600_000);

  function watch(context: BrowserContext, who: string): void {
    context.on('page', (page) =>
      page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`)),
    );
  }

  /** A new customer writes on Instagram in the simulator tab, and the AI answers. */
  async function customerWrites(simulator: Page, base: string): Promise<void> {
    await simulator.goto(`${base}/simulator`);
    await simulator
      .getByRole('group', { name: 'Instagram' })
      .getByRole('radio', { name: /In this workspace/ })
      .first()
      .check();
    await simulator.getByRole('button', { name: 'New customer' }).click();
    await simulator.getByLabel('Message', { exact: true }).fill(PRICE_QUESTION);
    await simulator.getByRole('button', { name: 'Send as customer' }).click();
    const thread = simulator.getByRole('log', { name: /Messages between/ });
    await thread.locator('li[data-direction="out"]').first().waitFor(PIPELINE);
  }

  async function journey(base: string, browser: Browser): Promise<void> {
    const stamp = Date.now();
    const admin = {
      name: 'Hana Admin',
      email: `hana.${stamp}@example.com`,
      password: 'correct horse battery',
    };

    // 1. A new workspace, registered in the browser, with the sandbox's Instagram account.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(adminContext, 'admin');
    const page = await adminContext.newPage();
    await page.goto(`${base}/register`);
    await page.getByLabel('Workspace name').fill(`Harbour Coffee ${stamp}`);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);
    await mainNav(page).getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('button', { name: 'Connect Instagram professional account' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('heading', { name: 'Instagram connected' }).waitFor(WAIT);

    // 2. CRM settings: nothing connected; four CRMs to choose from, Zoho with its data centre.
    await mainNav(page).getByRole('link', { name: 'CRM' }).click();
    await page.waitForURL(/\/settings\/crm$/, WAIT);
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor(WAIT);
    await page.getByText('No CRM connected yet').waitFor(WAIT);
    for (const vendor of ['HubSpot', 'Salesforce', 'Zoho CRM', 'Pipedrive']) {
      await page.getByRole('button', { name: `Connect ${vendor}` }).waitFor(WAIT);
    }
    await page.getByLabel('Zoho CRM data centre').selectOption('eu');
    // The token form checks what it can before sending, and opens and closes from the keyboard.
    const tokenToggle = page.getByRole('button', { name: 'Use a private-app token' });
    await tokenToggle.press('Enter');
    expect(await tokenToggle.getAttribute('aria-expanded')).toBe('true');
    const tokenForm = page.getByRole('form', { name: 'Connect HubSpot with a private-app token' });
    await tokenForm.getByRole('button', { name: 'Connect with token' }).click();
    await tokenForm.getByText('Paste the whole private-app token.').waitFor(WAIT);
    await expectNoCriticalAxe(page, 'CRM settings (nothing connected)', axeFindings);
    await shotsEverywhere(page, 'crm-01-connect');
    await tokenToggle.click();
    expect(await tokenForm.count()).toBe(0);

    // 3. Connect HubSpot through its consent page and back to the callback.
    await page.getByRole('button', { name: 'Connect HubSpot' }).click();
    await page.waitForURL(/\/sandbox\/crm\/hubspot\//, WAIT);
    await page
      .getByRole('heading', { name: /ReplyForce would like to access your HubSpot account/ })
      .waitFor(WAIT);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/crm\/callback\/hubspot/, WAIT);
    await page.getByRole('heading', { name: 'HubSpot connected' }).waitFor(WAIT);
    const accountLine = await page.getByText(/^Account \d+$/).innerText();
    const portal = accountLine.replace('Account ', '');
    await expectNoCriticalAxe(page, 'CRM callback', axeFindings);
    await shotsEverywhere(page, 'crm-02-callback');

    // 4. Back on the settings page: HubSpot is active, with its account and the default mapping.
    await page.getByRole('link', { name: 'Go to the CRM settings and the field mapping' }).click();
    const card = page.getByRole('article', { name: 'HubSpot' });
    await card.getByText('Active', { exact: true }).waitFor(WAIT);
    await card.getByText(portal, { exact: true }).waitFor(WAIT);
    const form = mappingForm(page);
    const tagValues = form.getByRole('group', { name: 'HubSpot value for each lead tag' });
    await tagValues.waitFor(WAIT);
    expect(await tagValues.getByLabel('HOT').inputValue()).toBe('IN_PROGRESS');
    expect(await page.getByRole('button', { name: 'Connect HubSpot', exact: true }).count()).toBe(0);

    // 5. A customer writes; the lead reaches HubSpot. The panel counts it, the portal holds it.
    const simulator = await adminContext.newPage();
    await customerWrites(simulator, base);
    await page.bringToFront();
    await expect.poll(() => syncCount(page, 'Synced'), PIPELINE).toBe('1');
    const first = await portalRecords(base, portal);
    expect(first.records).toHaveLength(1);
    expect(first.records[0]?.values.replyforce_contact_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['IN_PROGRESS', 'OPEN', 'NEW']).toContain(first.records[0]?.values.hs_lead_status);
    expect(first.notes.filter((n) => n.recordId === first.records[0]?.id).length).toBeGreaterThan(0);
    await card.getByText('Not yet').waitFor({ state: 'detached', ...WAIT });

    // 6. Edit the mapping: HOT becomes "Connected", and the company goes to HubSpot's company field.
    await tagValues.getByLabel('HOT').selectOption(TAG_MAP.HOT);
    await form.getByRole('button', { name: 'Add a field' }).click();
    const rows = form.getByRole('list', { name: 'Mapped fields' }).getByRole('listitem');
    const added = rows.last();
    await added.getByLabel('ReplyForce field').selectOption('company');
    await added.getByLabel('HubSpot field').selectOption('company');
    const savedCount = await rows.count();
    await form.getByRole('button', { name: 'Save mapping' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    await page.reload();
    const reloaded = mappingForm(page);
    await reloaded.getByRole('group', { name: 'HubSpot value for each lead tag' }).waitFor(WAIT);
    expect(
      await reloaded
        .getByRole('group', { name: 'HubSpot value for each lead tag' })
        .getByLabel('HOT')
        .inputValue(),
    ).toBe(TAG_MAP.HOT);
    const reloadedRows = reloaded.getByRole('list', { name: 'Mapped fields' }).getByRole('listitem');
    expect(await reloadedRows.count()).toBe(savedCount);
    expect(await reloadedRows.last().getByLabel('ReplyForce field').inputValue()).toBe('company');
    expect(await reloadedRows.last().getByLabel('HubSpot field').inputValue()).toBe('company');

    // 7. A second mapping to HubSpot's email field: the API refuses it, and says so on that row.
    await reloaded.getByRole('button', { name: 'Add a field' }).click();
    const duplicate = reloadedRows.last();
    await duplicate.getByLabel('ReplyForce field').selectOption('username');
    await duplicate.getByLabel('HubSpot field').selectOption('email');
    await reloaded.getByRole('button', { name: 'Save mapping' }).click();
    await reloaded
      .getByRole('alert')
      .filter({ hasText: 'The mapping does not fit the hubspot fields' })
      .waitFor(WAIT);
    await duplicate.getByText('email is mapped more than once').waitFor(WAIT);
    expect(await duplicate.getByLabel('HubSpot field').getAttribute('aria-invalid')).toBe('true');
    // Focus went to the row the API named.
    expect(await duplicate.getByLabel('HubSpot field').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await expectNoCriticalAxe(page, 'CRM settings (mapping refused)', axeFindings);
    await shotsEverywhere(page, 'crm-03-mapping-refused');
    // Nothing was written: the saved mapping is unchanged.
    await reloaded.getByRole('button', { name: 'Discard changes' }).click();
    expect(await reloadedRows.count()).toBe(savedCount);
    const session = await api<SessionDto>(base, '/auth/login', {
      method: 'POST',
      body: { email: admin.email, password: admin.password },
    });
    const integrations = await api<{ items: { id: string }[] }>(base, '/crm/integrations', {
      token: session.accessToken,
    });
    const stored = await api<{ items: { target: string }[] }>(
      base,
      `/crm/integrations/${integrations.items[0]?.id}/mapping`,
      { token: session.accessToken },
    );
    expect(stored.items.filter((item) => item.target === 'email')).toHaveLength(1);

    // 8. HubSpot goes down: the next lead's sync fails, retries, and lands in the dead letters.
    await api(base, '/sandbox/control/crm/hubspot/faults', { method: 'POST', body: { mode: 'error_5xx' } });
    await customerWrites(simulator, base);
    await page.bringToFront();
    const deadLetters = page.getByRole('list', { name: 'Dead letters' });
    await deadLetters.getByRole('listitem').first().waitFor(PIPELINE);
    await expect.poll(() => syncCount(page, 'Gave up'), WAIT).not.toBe('0');
    await page.getByRole('list', { name: 'Recent failures' }).getByText('Gave up').first().waitFor(WAIT);
    await expectNoCriticalAxe(page, 'CRM settings (dead letters)', axeFindings);
    await shotsEverywhere(page, 'crm-04-dead-letters');

    // HubSpot is back; Retry puts each one through, now with the edited mapping.
    await api(base, '/sandbox/control/crm/hubspot/faults', { method: 'POST', body: { mode: 'none' } });
    for (const retry of await deadLetters.getByRole('button', { name: /^Retry / }).all()) await retry.click();
    await page.getByText('No dead letters').waitFor(PIPELINE);
    await expect.poll(() => syncCount(page, 'Synced'), PIPELINE).toBe('2');
    expect(await syncCount(page, 'Gave up')).toBe('0');
    const leads = await api<{ items: LeadDto[] }>(base, '/leads?limit=10', { token: session.accessToken });
    const second = (await portalRecords(base, portal)).records;
    expect(second).toHaveLength(2);
    const newest = leads.items.find(
      (lead) => !first.records.some((r) => r.values.replyforce_contact_id === lead.contact.id),
    );
    if (!newest) throw new Error('the second lead is missing');
    const record = second.find((r) => r.values.replyforce_contact_id === newest.contact.id);
    expect(record?.values.hs_lead_status).toBe(TAG_MAP[newest.tag]);

    // 9. HubSpot revokes ReplyForce's grant: the next sync marks it for reconnecting; reconnecting fixes it.
    await api(base, `/sandbox/control/crm/hubspot/accounts/${portal}/revoke`, { method: 'POST' });
    await api(base, `/crm/sync/${newest.id}`, { method: 'POST', token: session.accessToken });
    await expect
      .poll(async () => {
        const list = await api<{ items: { status: string }[] }>(base, '/crm/integrations', {
          token: session.accessToken,
        });
        return list.items[0]?.status;
      }, PIPELINE)
      .toBe('needs_reauth');
    await page.reload();
    const revoked = page.getByRole('article', { name: 'HubSpot' });
    await revoked.getByText('Needs reconnecting').waitFor(PIPELINE);
    const prompt = revoked.getByRole('status').filter({ hasText: 'Reconnect HubSpot' });
    await prompt.waitFor(WAIT);
    await expectNoCriticalAxe(page, 'CRM settings (needs reconnecting)', axeFindings);
    await shotsEverywhere(page, 'crm-05-needs-reauth');
    await prompt.getByRole('button', { name: 'Reconnect HubSpot' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('heading', { name: 'HubSpot connected' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Go to the CRM settings and the field mapping' }).click();
    await page.getByRole('article', { name: 'HubSpot' }).getByText('Active', { exact: true }).waitFor(WAIT);
    // The mapping is the edited one still.
    expect(
      await mappingForm(page)
        .getByRole('group', { name: 'HubSpot value for each lead tag' })
        .getByLabel('HOT')
        .inputValue(),
    ).toBe(TAG_MAP.HOT);

    // 10. A viewer, on a phone in the dark: sees HubSpot and its state, nothing to change.
    const viewerLogin = await inviteViewer(base, session.accessToken);
    const viewerContext = await browser.newContext({
      viewport: { width: 360, height: 740 },
      colorScheme: 'dark',
    });
    watch(viewerContext, 'viewer');
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${base}/login`);
    await viewer.getByLabel('Email').fill(viewerLogin.email);
    await viewer.getByLabel('Password').fill(viewerLogin.password);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await viewer.waitForURL(/\/inbox$/, WAIT);
    await mainNav(viewer).getByRole('link', { name: 'CRM' }).click();
    const viewerCard = viewer.getByRole('article', { name: 'HubSpot' });
    await viewerCard.getByText('Active', { exact: true }).waitFor(WAIT);
    await viewer.getByText(/Only admins can connect it/).waitFor(WAIT);
    expect(await viewer.getByRole('form', { name: /Field mapping/ }).count()).toBe(0);
    expect(await viewer.getByRole('region', { name: 'Sync status' }).count()).toBe(0);
    expect(
      await viewer.getByRole('button', { name: /Connect|Reconnect|Disconnect|Save|Retry|token/ }).count(),
    ).toBe(0);
    expect(await viewer.getByRole('radio').count()).toBe(0);
    await expectNoCriticalAxe(viewer, 'CRM settings (viewer, dark)', axeFindings);
    await shotsEverywhere(viewer, 'crm-06-viewer');
    // The callback address is for admins only.
    await viewer.goto(`${base}/crm/callback/hubspot?code=x&state=0f8b6c1e-9a4d-4c1b-8f3e-2d7a5b9c0e11`);
    await viewer.getByRole('heading', { name: "You don't have access to this page" }).waitFor(WAIT);

    // 11. The admin disconnects HubSpot, after confirming; the records stay in HubSpot.
    await page.getByRole('button', { name: 'Disconnect HubSpot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect HubSpot?' });
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('No CRM connected yet').waitFor(WAIT);
    expect((await portalRecords(base, portal)).records).toHaveLength(2);

    await viewerContext.close();
    await adminContext.close();
  }
});
