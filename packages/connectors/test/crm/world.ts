/**
 * The CRM sandbox started in-process on 127.0.0.1, and the steps a person takes to connect a CRM
 * (consent page, Allow, redirect back), so connector tests run against the real stand-ins.
 */
import { createServer } from 'node:net';
import type { CrmOptionsInput, CrmVendor, LoggedRequest } from '@replyforce/sandbox';
import { type SandboxServer, startSandboxServer } from '@replyforce/sandbox/standalone.ts';
import { type CrmAppConfig, type CrmAuth, type CrmCredentials, createCrmAuth } from '../../src/index.ts';

export const REDIRECT_URI = 'https://app.replyforce.test/api/v1/crm/callback';

export type CrmWorld = {
  server: SandboxServer;
  url: string;
  app(vendor: CrmVendor): CrmAppConfig;
  /** `METHOD /path` of every request the vendor's stand-in answered since the last clear. */
  calls(vendor: CrmVendor): string[];
  requests(vendor: CrmVendor): readonly LoggedRequest[];
  clear(vendor: CrmVendor): void;
  close(): Promise<void>;
};

/** `webhookTarget`: the ReplyForce server HubSpot's webhooks go to (nowhere by default). */
export async function startCrmWorld(
  crm: CrmOptionsInput = {},
  webhookTarget = 'http://127.0.0.1:9',
): Promise<CrmWorld> {
  const server = await startSandboxServer({
    metaAppId: '1517776481860111',
    metaAppSecret: 'meta-app-secret',
    xClientId: 'x-client-id',
    xClientSecret: 'x-client-secret',
    xConsumerSecret: 'x-consumer-secret',
    secret: 'sandbox-secret',
    webhookTarget,
    timing: { faultHoldMs: 200 },
    // Pipedrive's real burst limit (20 per 2 s) would throttle a test's quick succession of calls;
    // the sandbox's own tests cover it.
    crm: {
      hubspotWebhookPath: null,
      ...crm,
      limits: { pipedrive: { limit: 1_000, windowMs: 2_000 }, ...crm.limits },
    },
  });
  const crmState = server.sandbox.crm;
  return {
    server,
    url: server.url,
    app: (vendor) => ({
      ...crmState.options.apps[vendor],
      baseUrl: `${server.url}/crm/${vendor}`,
      timeoutMs: 5_000,
    }),
    requests: (vendor) => crmState.requests(vendor),
    calls: (vendor) => crmState.requests(vendor).map((r) => `${r.method} ${r.path}`),
    clear: (vendor) => crmState.clearRequests(vendor),
    close: () => server.close(),
  };
}

export type Consent = { code: string; state: string; extra: Record<string, string> };

/** Opens the authorise URL, checks the consent page, chooses `accountId` and Allows. */
export async function consent(authorizeUrl: string, accountId: string): Promise<Consent> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const html = await page.text();
  if (!html.includes(`value="${accountId}"`))
    throw new Error(`consent page does not offer account ${accountId}`);
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('decision', 'allow');
  form.set('account', accountId);
  const res = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent answered ${res.status} without a redirect`);
  const back = new URL(location);
  const extra = Object.fromEntries([...back.searchParams].filter(([k]) => k !== 'code' && k !== 'state'));
  return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '', extra };
}

export async function connect(
  world: CrmWorld,
  vendor: CrmVendor,
  accountId: string,
  region?: string,
): Promise<{ auth: CrmAuth; creds: CrmCredentials }> {
  const auth = createCrmAuth(vendor, world.app(vendor));
  const given = await consent(
    auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 'st-1', ...(region ? { region } : {}) }),
    accountId,
  );
  const creds = await auth.exchangeCode({ code: given.code, redirectUri: REDIRECT_URI, extra: given.extra });
  return { auth, creds };
}

/** A port nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}
