// Leads and Settings in a real browser against the real server (PostgreSQL when it answers, else
// PGlite; the sandbox platforms; the built dashboard): a new workspace's admin connects a sandbox
// Instagram account, writes a FAQ pair in the knowledge-base editor and sets the brand voice; a
// customer asks that question in the simulator and the AI answers from the FAQ in that voice; the
// lead appears in Leads without a reload; its page shows score, history and conversation; the admin
// tags it HOT and the tag survives a reload. A viewer then sees Leads but cannot tag or edit
// settings. axe finds no critical violation on Leads, the lead and Settings; screenshots at 1280
// and 360 px go to test-results/e2e/.
import { existsSync } from 'node:fs';
import type { SessionDto } from '@replyforce/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
/** The AI pipeline and the sandbox's webhooks run between these steps. */
const PIPELINE = { timeout: 60_000 };

/** The same page at 1280 and 360 px wide; at 360 nothing may stick out sideways. */
async function shotsAtBothWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 740 });
  // What sticks out past the right edge, named so a failure says where to look.
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest('[tabindex="0"][class*="overflow-x-auto"], ul[class*="overflow-x-auto"]'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)}`),
  );
  expect(overflow, `${name} at 360 px`).toEqual([]);
  await shot(page, `${name}-360`);
  await page.setViewportSize(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

function settingsNav(page: Page) {
  return page.getByRole('navigation', { name: 'Settings sections' });
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

/** A viewer in the admin's workspace, joined through a real invitation read from the outbox. */
async function inviteViewer(base: string, admin: { email: string; password: string }) {
  const session = await api<SessionDto>(base, '/auth/login', { method: 'POST', body: admin });
  const email = `vera.${Date.now()}@example.com`;
  await api(base, '/team/invitations', {
    method: 'POST',
    token: session.accessToken,
    body: { email, role: 'viewer' },
  });
  let token: string | undefined;
  for (let i = 0; i < 100 && !token; i++) {
    const box = await api<{ items: { to: string; text: string }[] }>(base, '/outbox', {
      token: session.accessToken,
    });
    const match = /accept-invite\?token=([^\s]+)/.exec(box.items.find((m) => m.to === email)?.text ?? '');
    if (match?.[1]) token = decodeURIComponent(match[1]);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!token) throw new Error('the invitation mail never reached the outbox');
  const password = 'viewer password 123';
  await api(base, '/invitations/accept', { method: 'POST', body: { token, name: 'Vera Viewer', password } });
  return { email, password };
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRED)('leads and settings (browser)', () => {
  let server: Platform | undefined;
  let browser: Browser | undefined;
  let dashboard: Awaited<ReturnType<typeof buildDashboard>> | undefined;
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM)
      throw new Error(`REQUIRE_SERVICES=1 but ${CHROMIUM} is missing (apt-get install chromium)`);
    dashboard = await buildDashboard('rf-leads-e2e');
    // Private model addresses are refused, as in production (the sandbox would otherwise allow
    // them), so the settings page shows the server's refusal.
    server = await startPlatform(dashboard.dir, 'rf-leads-e2e', { ALLOW_PRIVATE_URLS: 'false' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    const database = server?.database ?? 'none';
    console.info(
      `database: ${database}; axe serious findings (not failing): ${axeFindings.length ? `\n${axeFindings.join('\n')}` : 'none'}`,
    );
    await server?.close();
    dashboard?.remove();
  }, 60_000);

  it('an admin teaches the AI a FAQ, a customer gets that answer, the lead shows up live and is tagged HOT; a viewer only reads', async () => {
    if (!server || !browser) throw new Error('setup failed');
    try {
      await journey(server.url, browser);
    } catch (error) {
      const pages = browser.contexts().flatMap((context) => context.pages());
      await Promise.all(
        pages.map((page, index) => shot(page, `leads-failure-${index + 1}`).catch(() => undefined)),
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
    const stamp = Date.now();
    const admin = { name: 'Ada Admin', email: `ada.${stamp}@example.com`, password: 'correct horse battery' };
    const question = 'Do you roast decaf beans?';
    const answer = `Yes: our Swiss Water decaf is roasted every Tuesday (batch ${stamp}).`;
    const signature = '— The Decaf Desk';

    // 1. A new workspace, registered in the browser.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(adminContext, 'admin');
    const page = await adminContext.newPage();
    await page.goto(`${base}/register`);
    await page.getByLabel('Workspace name').fill(`Decaf Roasters ${stamp}`);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/inbox$/, WAIT);

    // 2. Connect the sandbox's Instagram account through its consent page.
    await mainNav(page).getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('button', { name: 'Connect Instagram professional account' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('heading', { name: 'Instagram connected' }).waitFor(WAIT);

    // 3. Settings → Knowledge base: a FAQ pair, then the search finds it.
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor(WAIT);
    await settingsNav(page).getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByText('The knowledge base is empty').waitFor(WAIT);
    await page.getByRole('button', { name: 'Add an item' }).click();
    const addForm = page.getByRole('form', { name: 'Add to the knowledge base' });
    // Empty fields are refused in place, before anything is sent.
    await addForm.getByRole('button', { name: 'Add to knowledge base' }).click();
    await addForm.getByText('Write the question customers ask.').waitFor(WAIT);
    await addForm.getByLabel('Question').fill(question);
    await addForm.getByLabel('Answer').fill(answer);
    await addForm.getByRole('button', { name: 'Add to knowledge base' }).click();
    const kbList = page.getByRole('list', { name: 'Knowledge-base items' });
    await kbList.getByRole('article', { name: question }).waitFor(WAIT);
    await page.getByLabel('Try a customer question').fill('decaf beans');
    await page.getByRole('list', { name: 'Search results' }).getByText(question).waitFor(WAIT);
    await shot(page, 'leads-settings-01-knowledge-base');

    // 4. Brand voice: a bad length is refused in place; then professional, no emoji, a signature.
    await settingsNav(page).getByRole('link', { name: 'Brand voice' }).click();
    const voiceForm = page.getByRole('form', { name: 'Brand voice' });
    await voiceForm.getByLabel('Maximum length (characters)').fill('10');
    await voiceForm.getByRole('button', { name: 'Save brand voice' }).click();
    await voiceForm.getByText('Enter a whole number from 80 to 2000.').waitFor(WAIT);
    await voiceForm.getByLabel('Maximum length (characters)').fill('480');
    // The segmented controls are native radios under their labels: a person clicks the label.
    await voiceForm.getByRole('group', { name: 'Tone' }).getByText('Professional', { exact: true }).click();
    await voiceForm.getByRole('group', { name: 'Emoji' }).getByText('None', { exact: true }).click();
    expect(await voiceForm.getByRole('radio', { name: 'Professional' }).isChecked()).toBe(true);
    await voiceForm.getByLabel('Signature').fill(signature);
    // The preview follows before saving.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview
      .getByText(/^Reply: Hello Lucía!/)
      .first()
      .waitFor(WAIT);
    expect(await preview.getByText(signature).count()).toBeGreaterThan(0);
    await voiceForm.getByRole('button', { name: 'Save brand voice' }).click();
    await voiceForm.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    await page.reload();
    await expect.poll(() => page.getByLabel('Signature').inputValue(), WAIT).toBe(signature);
    await expectNoCriticalAxe(page, 'settings (brand voice)', axeFindings);
    await shotsAtBothWidths(page, 'leads-settings-02-brand-voice');

    // 4b. A reply template: a variable inserted at the caret, previewed in the brand voice.
    await settingsNav(page).getByRole('link', { name: 'Reply templates' }).click();
    await page.getByRole('button', { name: 'Add a template' }).click();
    const templateForm = page.getByRole('form', { name: 'Add a reply template' });
    await templateForm.getByLabel('Name', { exact: true }).fill('Thanks for feedback');
    await templateForm.getByLabel('Answers the intent').selectOption('feedback');
    await templateForm.getByLabel('Reply', { exact: true }).fill('Thank you , we read every message.');
    await templateForm
      .getByLabel('Reply', { exact: true })
      .evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(10, 10));
    await templateForm.getByRole('button', { name: /Insert \{\{first_name\}\}/ }).click();
    expect(await templateForm.getByLabel('Reply', { exact: true }).inputValue()).toBe(
      'Thank you {{first_name}}, we read every message.',
    );
    const templatePreview = page.getByRole('region', { name: 'Preview' });
    await templatePreview.getByText(`Thank you Jane, we read every message.\n${signature}`).waitFor(WAIT);
    await templatePreview.getByLabel('Sample customer name').fill('');
    await templatePreview.getByText(`Thank you, we read every message.\n${signature}`).waitFor(WAIT);
    // A variable the server does not know is refused before sending.
    await templateForm.getByLabel('Reply', { exact: true }).fill('Order {{order_id}} ships today.');
    await templateForm.getByRole('button', { name: 'Add template' }).click();
    await templateForm.getByText(/Unknown variable \{\{order_id\}\}/).waitFor(WAIT);
    await templateForm
      .getByLabel('Reply', { exact: true })
      .fill('Thank you {{first_name}}, we read every message.');
    await templateForm.getByRole('button', { name: 'Add template' }).click();
    await page
      .getByRole('list', { name: 'Reply templates' })
      .getByRole('article', { name: 'Thanks for feedback' })
      .waitFor(WAIT);
    await expectNoCriticalAxe(page, 'settings (reply templates)', axeFindings);
    await shot(page, 'leads-settings-02b-reply-templates');

    // 4c. Auto-reply rules: WARM must stay below HOT.
    await settingsNav(page).getByRole('link', { name: 'Auto-reply rules' }).click();
    const rulesForm = page.getByRole('form', { name: 'Auto-reply rules' });
    await rulesForm.getByLabel('WARM from score').fill('75');
    await rulesForm.getByRole('button', { name: 'Save rules' }).click();
    await rulesForm.getByText('The WARM threshold must be below the HOT one.').waitFor(WAIT);
    await rulesForm.getByLabel('WARM from score').fill('40');

    // 5. Language model: the server refuses a private address, and says why next to the field.
    await settingsNav(page).getByRole('link', { name: 'Language model' }).click();
    const llmForm = page.getByRole('form', { name: 'Language model' });
    await llmForm.getByLabel('Provider').selectOption('openai-compatible');
    await llmForm.getByLabel('Reply model').fill('llama3.1:8b');
    await llmForm.getByLabel('Base URL').fill('http://127.0.0.1:11434/v1');
    await llmForm.getByRole('button', { name: 'Save model' }).click();
    await llmForm.getByRole('alert').filter({ hasText: 'private or loopback address' }).waitFor(WAIT);
    expect(await llmForm.getByLabel('Base URL').getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/of 10,000 tokens/).waitFor(WAIT);
    await expectNoCriticalAxe(page, 'settings (language model)', axeFindings);
    await shotsAtBothWidths(page, 'leads-settings-03-language-model');

    // 6. Leads, empty for now and live; the page is marked to prove later it never reloaded.
    await mainNav(page).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor(WAIT);
    await page.getByText('No leads yet').waitFor(WAIT);
    await page.getByRole('status').filter({ hasText: 'Live updates: Live' }).waitFor(WAIT);
    await page.evaluate(() => {
      (window as unknown as { leadsMarker: string }).leadsMarker = 'still here';
    });

    // 7. In a second tab a new customer asks the FAQ's question on Instagram.
    const simulator = await adminContext.newPage();
    await simulator.goto(`${base}/simulator`);
    await simulator
      .getByRole('group', { name: 'Instagram' })
      .getByRole('radio', { name: /In this workspace/ })
      .first()
      .check();
    await simulator.getByRole('button', { name: 'New customer' }).click();
    const customerName = await simulator.getByLabel('Customer name').inputValue();
    const customerId = await simulator.getByLabel('Customer id').inputValue();
    const who = new RegExp(`${escapeRegExp(customerName)}|${escapeRegExp(customerId)}`);
    await simulator.getByLabel('Message', { exact: true }).fill(question);
    await simulator.getByRole('button', { name: 'Send as customer' }).click();
    const thread = simulator.getByRole('log', { name: /Messages between/ });
    // The AI answers from the FAQ, in the brand voice (signature on its own line).
    const reply = thread.locator('li[data-direction="out"]').filter({ hasText: answer });
    await reply.waitFor(PIPELINE);
    expect(await reply.innerText()).toContain(signature);
    await shot(simulator, 'leads-settings-04-simulator-faq-answer');

    // 8. The lead appeared in Leads by itself.
    const row = page.getByRole('table').getByRole('row').filter({ hasText: who });
    await row.waitFor(WAIT);
    expect(await page.evaluate(() => (window as unknown as { leadsMarker?: string }).leadsMarker)).toBe(
      'still here',
    );
    await expectNoCriticalAxe(page, 'leads', axeFindings);
    await shotsAtBothWidths(page, 'leads-settings-05-leads');
    // Sorting by score keeps it there, in the address too.
    await page.getByRole('button', { name: /^Score/ }).click();
    await page.waitForURL(/sort=score/, WAIT);
    await row.waitFor(WAIT);

    // 9. Its page: score, history with its reason, the conversation, the CRM side.
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: who, level: 1 }).waitFor(WAIT);
    const history = page.getByRole('list', { name: 'Score changes, newest first' });
    await history.getByText('Scored from a customer message').waitFor(WAIT);
    await page.getByRole('link', { name: /Open in the inbox/ }).waitFor(WAIT);
    await page.getByText('Not in any CRM yet.').waitFor(WAIT);
    // No CRM is connected, so "Sync now" says so instead of pretending.
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('alert').filter({ hasText: 'No CRM is connected' }).waitFor(WAIT);
    await expectNoCriticalAxe(page, 'lead detail', axeFindings);
    await shotsAtBothWidths(page, 'leads-settings-06-lead-detail');

    // 10. Tag it HOT by hand; it sticks after a reload, and the history says who did it.
    const override = page.getByRole('form', { name: 'Tag override' });
    await override.getByLabel('Tag').selectOption('HOT');
    await override.getByRole('button', { name: 'Save tag' }).click();
    await override.getByText('Tag set to HOT. Scoring keeps it.').waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { name: who, level: 1 }).waitFor(WAIT);
    await expect
      .poll(() => page.getByRole('form', { name: 'Tag override' }).getByLabel('Tag').inputValue(), WAIT)
      .toBe('HOT');
    await page.getByText('Set by hand').first().waitFor(WAIT);
    await page.getByText('Lead: HOT').first().waitFor(WAIT);
    await page
      .getByRole('list', { name: 'Score changes, newest first' })
      .getByText(`Tag set to HOT by ${admin.name}`)
      .waitFor(WAIT);
    await shot(page, 'leads-settings-07-tagged-hot');
    // The Hot tab lists it.
    await page.goto(`${base}/leads?tag=HOT`);
    await page.getByRole('table').getByRole('row').filter({ hasText: who }).waitFor(WAIT);

    // 10b. Editing and deleting go through too: the FAQ gets a new answer, the template goes.
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await settingsNav(page).getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('button', { name: `Edit “${question}”` }).click();
    const editForm = page.getByRole('form', { name: 'Edit knowledge-base item' });
    await editForm.getByLabel('Answer').fill(`${answer} Also on Fridays.`);
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await kbList.getByRole('article', { name: question }).getByText('Also on Fridays.').waitFor(WAIT);
    await settingsNav(page).getByRole('link', { name: 'Reply templates' }).click();
    await page.getByRole('button', { name: 'Delete Thanks for feedback' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete template' }).click();
    await page.getByText('No templates yet').waitFor(WAIT);

    // 11. A viewer, on a phone, in the dark theme: reads Leads, cannot tag, cannot edit settings.
    const viewerLogin = await inviteViewer(base, { email: admin.email, password: admin.password });
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
    await mainNav(viewer).getByRole('link', { name: 'Leads' }).click();
    const viewerRow = viewer.getByRole('table').getByRole('row').filter({ hasText: who });
    await viewerRow.waitFor(WAIT);
    await viewerRow.getByRole('link').click();
    await viewer.getByRole('heading', { name: who, level: 1 }).waitFor(WAIT);
    await viewer.getByText('Scored from a customer message').waitFor(WAIT);
    expect(await viewer.getByRole('form', { name: 'Tag override' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Save tag|Hand back to scoring|Sync now/ }).count()).toBe(
      0,
    );
    await expectNoCriticalAxe(viewer, 'lead detail (viewer, dark)', axeFindings);
    await shot(viewer, 'leads-settings-08-viewer-lead-360-dark');

    await mainNav(viewer).getByRole('link', { name: 'Settings' }).click();
    await viewer.getByRole('heading', { name: 'Brand voice' }).waitFor(WAIT);
    await viewer.getByText('Your role can read these settings.').waitFor(WAIT);
    expect(await viewer.getByLabel('Signature').inputValue()).toBe(signature);
    expect(await viewer.getByLabel('Signature').isDisabled()).toBe(true);
    expect(await viewer.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    expect(await settingsNav(viewer).getByRole('link', { name: 'Language model' }).count()).toBe(0);
    await settingsNav(viewer).getByRole('link', { name: 'Knowledge base' }).click();
    await viewer
      .getByRole('list', { name: 'Knowledge-base items' })
      .getByRole('article', { name: question })
      .waitFor(WAIT);
    expect(await viewer.getByRole('button', { name: /Add an item|^Edit|^Delete/ }).count()).toBe(0);
    await expectNoCriticalAxe(viewer, 'settings (viewer, dark)', axeFindings);
    await shot(viewer, 'leads-settings-09-viewer-settings-360-dark');
    // Typing the address of the model settings leads back to what the role may see.
    await viewer.goto(`${base}/settings/ai-provider`);
    await viewer.waitForURL(/\/settings\/brand-voice$/, WAIT);

    await viewerContext.close();
    await adminContext.close();
  }
});
