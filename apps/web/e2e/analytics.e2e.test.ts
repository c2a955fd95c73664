// Analytics in a real browser against the real server (PostgreSQL when it answers, else PGlite; the
// built dashboard): yesterday's conversations are written with known times (the same day the server
// test checks figure by figure), then the workspace's admin opens Analytics and sees the KPIs worked
// out by hand, switches to Today (nothing yet) and to a custom range (hourly), opens a chart as a
// table, is told off for a backwards range, and downloads the overview as CSV. A viewer on a phone
// reads the same figures with no download buttons. axe finds no critical (nor serious) violation; screenshots at
// 1280 and 360 px, light and dark, go to test-results/e2e/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_DIST } from '../../server/src/build-app.ts';
import { seedAnalyticsDay } from '../../server/test/helpers/analytics-seed.ts';
import { addMember, PASSWORD, registerWorkspace, type Signed } from '../../server/test/helpers/api.ts';
import { databaseKinds } from '../../server/test/helpers/databases.ts';
import { freePort } from '../../server/test/helpers/free-port.ts';
import { createTestApp, type TestApp } from '../../server/test/helpers/test-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const WAIT = { timeout: 30_000 };

const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The value shown on a KPI card. */
function kpi(page: Page, label: string) {
  return page
    .getByRole('region', { name: 'Overview' })
    .locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
    .getByRole('definition')
    .first();
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  // Critical is the bar; serious ones (contrast, names) are refused too while there are none.
  const critical = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(
    critical.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/inbox$/, WAIT);
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('analytics (browser)', () => {
  let t: TestApp | undefined;
  let base = '';
  let browser: Browser | undefined;
  let admin: Signed & { email: string };
  let viewer: Signed & { email: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM)
      throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(join(WEB_ROOT, 'dist', 'index.html'))) {
      const { build } = await import('vite');
      await build({ root: WEB_ROOT, logLevel: 'warn' });
    }
    const kind = (await databaseKinds()).includes('postgres') ? 'postgres' : 'pglite';
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(kind, { PUBLIC_URL: base, PORT: String(port) }, { webDist: DEFAULT_WEB_DIST });
    await t.app.listen({ host: '127.0.0.1', port });
    const email = `ana.admin.${Date.now()}@example.com`;
    admin = { ...(await registerWorkspace(t.app, { email, name: 'Ana Admin' })), email };
    const agent = await addMember(t.app, admin, 'agent');
    viewer = await addMember(t.app, admin, 'viewer');
    await seedAnalyticsDay(t.deps.db, admin.session.tenant.id, agent.session.user.id, YESTERDAY);
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
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  }, 60_000);

  it('an admin reads the KPIs, changes the range and downloads a CSV; a viewer only reads', async () => {
    if (!browser) throw new Error('setup failed');
    try {
      await journey(browser);
    } catch (error) {
      const pages = browser.contexts().flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, i) => shot(page, `analytics-failure-${i + 1}`).catch(() => undefined)),
      );
      throw error;
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);

  async function journey(browser: Browser): Promise<void> {
    // 1. The admin opens Analytics from the menu: the last 7 days, yesterday's figures in them.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`admin: ${error.message}`));
    await signIn(page, base, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL(/\/analytics/, WAIT);
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor(WAIT);
    expect(await page.getByRole('radio', { name: '7 days' }).isChecked()).toBe(true);

    await expect.poll(() => kpi(page, 'Response rate').textContent(), WAIT).toBe('75%');
    expect(await kpi(page, 'Messages').textContent()).toBe('8');
    expect(await kpi(page, 'Median first response').textContent()).toBe('1 min');
    expect(await kpi(page, '90th percentile first response').textContent()).toBe('8 min 12 s');
    expect(await kpi(page, 'AI auto-resolution').textContent()).toBe('33.3%');
    expect(await kpi(page, 'Escalations').textContent()).toBe('2');
    const funnel = page.getByRole('region', { name: 'Lead funnel' });
    await funnel
      .getByText('3 leads were active; 1 reached warm, 1 hot, and 1 of the hot ones are in the CRM.')
      .waitFor(WAIT);
    const agents = page.getByRole('region', { name: 'Agent performance' });
    await agents.getByRole('rowheader', { name: /AI assistant/ }).waitFor(WAIT);
    await agents
      .getByRole('row', { name: /The agent/ })
      .getByRole('cell', { name: '10 min' })
      .waitFor(WAIT);
    await page
      .getByRole('region', { name: 'Volume per channel' })
      .getByText('Busiest channel: Acme Instagram')
      .waitFor(WAIT);
    await expectNoSeriousViolations(page, 'analytics, light');
    await shot(page, 'analytics-1280-light');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
      .toBe(true);
    await expectNoSeriousViolations(page, 'analytics, dark');
    await shot(page, 'analytics-1280-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // 2. Today: nothing has happened yet, and the cards say so instead of inventing figures.
    // The presets are a radio group: arrows move the choice, as with any radio group.
    await page.getByRole('radio', { name: '7 days' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('radio', { name: 'Today' }).isChecked(), WAIT).toBe(true);
    await page.waitForURL(/range=today/, WAIT);
    await expect.poll(() => kpi(page, 'Messages').textContent(), WAIT).toBe('0');
    expect(await kpi(page, 'Response rate').textContent()).toBe('—');
    await page
      .getByRole('region', { name: 'Response times' })
      .getByText('No customer messages in this range')
      .waitFor(WAIT);

    // 3. A custom range: a backwards one is refused before any request, then yesterday, by hour.
    await page.keyboard.press('ArrowLeft'); // from the first choice round to the last: Custom
    await expect.poll(() => page.getByRole('radio', { name: 'Custom' }).isChecked(), WAIT).toBe(true);
    const custom = page.getByRole('form', { name: 'Custom date range' });
    await custom.getByLabel('From').fill(YESTERDAY);
    await custom.getByLabel('To').fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await custom.getByRole('button', { name: 'Apply' }).click();
    await custom
      .getByRole('alert')
      .filter({ hasText: 'The start date must be on or before the end date' })
      .waitFor(WAIT);
    await custom.getByLabel('To').fill(YESTERDAY);
    await custom.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(new RegExp(`from=${YESTERDAY}&to=${YESTERDAY}`), WAIT);
    await page.getByText(/\(UTC\), by hour\./).waitFor(WAIT);
    await expect.poll(() => kpi(page, 'Response rate').textContent(), WAIT).toBe('75%');

    // The response-time chart as a table: the 10:00 hour had two replies, median 45 s.
    const times = page.getByRole('region', { name: 'Response times' });
    await times.getByRole('button', { name: 'Show table' }).click();
    const tenOClock = times.getByRole('row', { name: /10:00/ });
    expect(await tenOClock.getByRole('cell').allTextContents()).toEqual(['2', '2', '45 s', '57 s']);
    await shot(page, 'analytics-1280-custom-table');

    // 4. The overview as a CSV file.
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('button', { name: 'Download CSV: overview' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`replyforce-overview-${YESTERDAY}-to-${YESTERDAY}.csv`);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8').split('\r\n');
    expect(csv[0]).toBe('metric,value');
    expect(csv).toContain('response_rate,0.75');
    expect(csv).toContain('first_response_p90_seconds,492');
    await context.close();

    // 5. A viewer on a phone: the same figures, no download buttons, light and dark.
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const small = await phone.newPage();
    small.on('pageerror', (error) => pageErrors.push(`viewer: ${error.message}`));
    await signIn(small, base, viewer.email);
    await small.goto(`${base}/analytics?range=7d`);
    await expect.poll(() => kpi(small, 'Response rate').textContent(), WAIT).toBe('75%');
    await small.getByRole('region', { name: 'Agent performance' }).getByRole('table').waitFor(WAIT);
    expect(await small.getByRole('button', { name: /Download CSV/ }).count()).toBe(0);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(small, 'analytics at 360 px, light');
    await shot(small, 'analytics-360-light');
    await small.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => small.evaluate(() => document.documentElement.classList.contains('dark')))
      .toBe(true);
    await expectNoSeriousViolations(small, 'analytics at 360 px, dark');
    await shot(small, 'analytics-360-dark');
    await phone.close();
  }
});
