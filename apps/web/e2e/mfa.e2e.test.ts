// Two-factor sign-in in a real browser against the real server: register → set up MFA on the
// account page (codes computed here from the secret the page shows) → save recovery codes → log
// out → sign in with password, then with a code → turn it off again.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { base32Decode, totpCode, totpStepAt } from '@replyforce/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_SERVICES === '1';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
const WAIT = { timeout: 30_000 };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `mfa-${name}.png`), fullPage: true });
}

async function criticalViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/** Codes of steps the server has not seen yet: the confirm and the sign-in each spend one. */
function authenticator(secret: string) {
  let last = 0;
  return () => {
    const step = Math.max(last + 1, totpStepAt(Date.now()) - 1);
    last = step;
    return totpCode(base32Decode(secret), step);
  };
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('two-factor sign-in (browser)', () => {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (!existsSync(join(WEB_ROOT, 'dist', 'index.html'))) {
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

  it('enrols on the account page, then signs in with a code', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const base = server.url.replace(/\/$/, '');
    const stamp = Date.now();
    const user = { email: `mfa.${stamp}@example.com`, password: 'correct horse battery' };
    // 360 px: the narrowest screen the dashboard supports, where this flow is most cramped.
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${base}/register`);
    await page.getByLabel('Workspace name').fill(`MFA Coffee ${stamp}`);
    await page.getByLabel('Your name').fill('Mia');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);

    await page.goto(`${base}/account`);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click(WAIT);
    const uri = await page.locator('code', { hasText: 'otpauth://' }).textContent(WAIT);
    const secret = new URL(uri ?? '').searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    const nextCode = authenticator(secret);
    await shot(page, '01-enrol-360');
    expect(await criticalViolations(page)).toEqual([]);

    await page.getByLabel('Code from the app').fill(nextCode());
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor(WAIT);
    expect(await codes.count()).toBe(10);
    await shot(page, '02-recovery-codes-360');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 recovery codes left.').waitFor(WAIT);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, '03-enabled-dark-360');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/, WAIT);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const codeField = page.getByLabel('Authentication code');
    await codeField.waitFor(WAIT);
    expect(await criticalViolations(page)).toEqual([]);
    await shot(page, '04-code-step-360');
    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('That code is not correct or was already used.').waitFor(WAIT);
    await codeField.fill(nextCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);

    await page.goto(`${base}/account`);
    await page.getByLabel('Code from the app, or your password').fill(user.password);
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
