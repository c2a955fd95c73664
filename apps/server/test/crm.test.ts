import { createHmac } from 'node:crypto';
import type { CrmCredentials } from '@replyforce/connectors/crm/types.ts';
import { runCrmSync } from '@replyforce/core';
import { queryRows, withTenant } from '@replyforce/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, eventually } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { redisAvailable, TEST_REDIS_URL } from './helpers/redis.ts';
import {
  call,
  connectThroughOAuth,
  customerWrites,
  type Json,
  register,
  type SpineServer,
  startSpineServer,
  type Workspace,
} from './helpers/spine-server.ts';

const PAGE = '1000000000000001';
const IG = '17841400000000001';
const WA = '106540352242922';
const PORTAL = '24681357';

type Vendor = 'hubspot' | 'salesforce' | 'zoho' | 'pipedrive';
type SandboxRecord = {
  id: string;
  owner: string | null;
  status: string | null;
  values: Record<string, string>;
};
type SandboxNote = { id: string; recordId: string; title: string; body: string };

/** What the sandbox CRM account holds, read through its control API (what a salesperson would see). */
async function crmAccount(s: SpineServer, vendor: Vendor, accountId: string) {
  const res = await call(s, 'GET', `/sandbox/control/crm/${vendor}/accounts/${accountId}/records`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as { records: SandboxRecord[]; notes: SandboxNote[] };
}

/** The records ReplyForce made for one contact (every one carries its contact id as key). */
async function recordsOf(s: SpineServer, vendor: Vendor, accountId: string, contactId: string) {
  const { records, notes } = await crmAccount(s, vendor, accountId);
  const mine = records.filter((r) => Object.values(r.values).includes(contactId));
  return { records: mine, notes: notes.filter((n) => mine.some((r) => r.id === n.recordId)) };
}

/** Connects a CRM as a person does: start, the sandbox consent page, Allow, the callback completed. */
async function connectCrmThroughOAuth(
  s: SpineServer,
  token: string,
  vendor: Vendor,
  opts: { account?: string; decision?: 'allow' | 'cancel' } = {},
) {
  const started = await call(s, 'POST', '/api/v1/crm/connect', { token, body: { vendor } });
  expect(started.status, JSON.stringify(started.json)).toBe(200);
  expect(started.json.connection).toBeNull();
  const page = await fetch(started.json.authorizeUrl);
  const html = await page.text();
  expect(page.status, html.slice(0, 300)).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no consent form in ${html.slice(0, 300)}`);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.append(m[1] as string, (m[2] as string).replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  const offered = [...html.matchAll(/name="account" value="([^"]+)"/g)].map((m) => m[1] as string);
  form.append('account', opts.account ?? (offered[0] as string));
  form.append('decision', opts.decision ?? 'allow');
  const consent = await fetch(new URL(action, started.json.authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(consent.status, await consent.clone().text()).toBe(302);
  const back = new URL(consent.headers.get('location') ?? '');
  expect(back.pathname).toBe(`/crm/callback/${vendor}`);
  const params = Object.fromEntries(back.searchParams);
  const { state, code, error, ...extra } = params;
  return call(s, 'POST', '/api/v1/crm/connect/complete', {
    token,
    body: {
      state,
      ...(code ? { code } : {}),
      ...(error ? { error } : {}),
      ...(Object.keys(extra).length > 0 && !error ? { extra } : {}),
    },
  });
}

/** A customer writes; resolves to the lead the AI made of them, once it exists. */
async function leadOf(
  s: SpineServer,
  w: Workspace,
  input: {
    platform: 'facebook' | 'instagram' | 'whatsapp';
    accountId: string;
    id: string;
    name: string;
    text: string;
  },
): Promise<Json> {
  await customerWrites(s, {
    platform: input.platform,
    accountId: input.accountId,
    customer: { id: input.id, name: input.name },
    text: input.text,
  });
  return eventually(async () => {
    const res = await call(s, 'GET', `/api/v1/leads?q=${encodeURIComponent(input.name)}`, { token: w.token });
    return res.json.items.find((l: Json) => l.contact.platformUserId === input.id);
  });
}

async function leadDetail(s: SpineServer, w: Workspace, leadId: string): Promise<Json> {
  const res = await call(s, 'GET', `/api/v1/leads/${leadId}`, { token: w.token });
  expect(res.status).toBe(200);
  return res.json;
}

/** Waits until every CRM sync of the lead is settled as `status`, and returns the lead. */
async function settled(
  s: SpineServer,
  w: Workspace,
  leadId: string,
  status = 'synced',
  n = 1,
): Promise<Json> {
  return eventually(async () => {
    const lead = await leadDetail(s, w, leadId);
    return lead.crm?.length === n && lead.crm.every((c: Json) => c.status === status) ? lead : undefined;
  }, 20_000);
}

async function syncStatus(s: SpineServer, w: Workspace): Promise<Json> {
  const res = await call(s, 'GET', '/api/v1/crm/sync/status', { token: w.token });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

async function fault(s: SpineServer, vendor: Vendor, body: object) {
  const res = await call(s, 'POST', `/sandbox/control/crm/${vendor}/faults`, { body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

async function requestsTo(
  s: SpineServer,
  vendor: Vendor,
): Promise<{ method: string; path: string; status: number }[]> {
  const res = await call(s, 'GET', `/sandbox/control/crm/${vendor}/requests`);
  return res.json.requests;
}

function signHubspot(secret: string, url: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`POST${url}${body}${timestamp}`).digest('base64');
}

const kinds = await databaseKinds();
/** Each database; and PostgreSQL with BullMQ on Redis (job ids, deferrals and the shared rate budget there). */
const SETUPS = [
  ...kinds.map((kind) => ({ name: kind, kind, redis: false })),
  ...(kinds.includes('postgres') && (await redisAvailable())
    ? [{ name: 'postgres with Redis', kind: 'postgres' as const, redis: true }]
    : []),
];

describe.each(SETUPS)('CRM sync on $name', ({ kind, redis }) => {
  let s: SpineServer;
  /** HubSpot by OAuth (the seeded portal) and Salesforce, a Messenger Page. */
  let acme: Workspace;
  /** HubSpot by private-app token, an Instagram account: the failure drills. */
  let beans: Workspace;
  let beansPortal: string;
  let acmeHubspot: string;

  beforeAll(async () => {
    s = await startSpineServer(
      kind,
      {
        // Seed 001's delays (5 s … 405 s) shortened so a test can run through all of them.
        CRM_RETRY_DELAYS_MS: '100,100,100,100,100',
        CRM_DISPATCH_INTERVAL_MS: '100',
        CRM_PULL_INTERVAL_SECONDS: '1',
        ...(redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
      },
      { sweepEveryMs: 300 },
    );
    acme = await register(s, 'Acme Coffee');
    beans = await register(s, 'Beans & Co');
    expect((await connectThroughOAuth(s, acme.token, 'facebook', { accounts: [PAGE] })).status).toBe(200);
    expect((await connectThroughOAuth(s, beans.token, 'instagram', { accounts: [IG] })).status).toBe(200);
  });
  afterAll(() => s?.close());

  it('connects HubSpot through the sandbox consent page; a customer message becomes one contact with a note', async () => {
    const connected = await connectCrmThroughOAuth(s, acme.token, 'hubspot', { account: PORTAL });
    expect(connected.status, JSON.stringify(connected.json)).toBe(200);
    expect(connected.json).toMatchObject({
      vendor: 'hubspot',
      status: 'active',
      authType: 'oauth',
      accountId: PORTAL,
    });
    acmeHubspot = connected.json.id;
    // The stored credentials are sealed, never plaintext.
    const [stored] = await queryRows<{ credentials: string }>(
      s.deps.db,
      sql`select credentials from crm_connections where id = ${acmeHubspot}`,
    );
    expect(stored?.credentials).toMatch(/^v1\./);
    expect(stored?.credentials).not.toContain('sbxcrm_');

    const lead = await leadOf(s, acme, {
      platform: 'facebook',
      accountId: PAGE,
      id: 'psid-crm-maria',
      name: 'Maria Lopez',
      text: "Hi! What's the price of the Pro plan? I need it for my team today.",
    });
    const synced = await settled(s, acme, lead.id);
    expect(synced.crm[0]).toMatchObject({ vendor: 'hubspot', status: 'synced', connectionId: acmeHubspot });
    const { records, notes } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
    expect(records).toHaveLength(1);
    expect(records[0]?.id).toBe(synced.crm[0].externalId);
    expect(records[0]?.values).toMatchObject({
      firstname: 'Maria',
      lastname: 'Lopez',
      replyforce_lead_source: 'Facebook',
    });
    expect(records[0]?.values.replyforce_lead_score).toBe(String(lead.score));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain(`/inbox/`);
    expect(notes[0]?.body).toContain('lead from Facebook');
    // The list shows it too.
    const list = await call(s, 'GET', '/api/v1/leads', { token: acme.token });
    expect(list.json.items.find((l: Json) => l.id === lead.id).crm[0].externalId).toBe(records[0]?.id);
  });

  it('a tag change updates the same record, without a second note for the same conversation', async () => {
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    const before = await leadDetail(s, acme, lead.id);
    const res = await call(s, 'PATCH', `/api/v1/leads/${lead.id}/tag`, {
      token: acme.token,
      body: { tag: 'COLD' },
    });
    expect(res.status).toBe(200);
    await eventually(async () => {
      const { records } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
      return records[0]?.values.hs_lead_status === 'NEW' ? true : undefined;
    });
    const after = await settled(s, acme, lead.id);
    expect(after.crm[0].externalId).toBe(before.crm[0].externalId);
    const { records, notes } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
    expect(records).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('closing the conversation syncs the lead again (same record, no new note)', async () => {
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    const detail = await leadDetail(s, acme, lead.id);
    await call(s, 'DELETE', '/sandbox/control/crm/hubspot/requests');
    const closed = await call(s, 'PATCH', `/api/v1/conversations/${detail.conversations[0].id}/status`, {
      token: acme.token,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    const upserts = await eventually(async () => {
      const r = (await requestsTo(s, 'hubspot')).filter((x) => x.path.endsWith('/contacts/batch/upsert'));
      return r.length > 0 ? r : undefined;
    });
    expect(upserts.map((r) => r.status)).toEqual([200]);
    const [sync] = await queryRows<{ reason: string }>(
      s.deps.db,
      sql`select reason from crm_syncs where lead_id = ${lead.id}`,
    );
    expect(sync?.reason).toBe('conversation_closed');
    await settled(s, acme, lead.id);
    const { records, notes } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
    expect(records).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('duplicate triggers and concurrent workers never make a second record or note', async () => {
    const lead = await leadOf(s, acme, {
      platform: 'facebook',
      accountId: PAGE,
      id: 'psid-crm-jo',
      name: 'Jo Brennan',
      text: 'Do you have the house blend in stock? I want to order 3 bags.',
    });
    await settled(s, acme, lead.id);
    // Ten forced syncs at once, and three sync jobs run by hand beside the worker's own.
    const forced = await Promise.all(
      Array.from({ length: 10 }, () => call(s, 'POST', `/api/v1/crm/sync/${lead.id}`, { token: acme.token })),
    );
    for (const f of forced) expect(f.status).toBe(202);
    await Promise.all([
      runCrmSync(s.deps, { tenantId: acme.tenantId, leadId: lead.id }),
      runCrmSync(s.deps, { tenantId: acme.tenantId, leadId: lead.id }),
      runCrmSync(s.deps, { tenantId: acme.tenantId, leadId: lead.id }),
    ]);
    await settled(s, acme, lead.id);
    const rows = await queryRows<{ n: number }>(
      s.deps.db,
      sql`select count(*)::int as n from crm_syncs where lead_id = ${lead.id}`,
    );
    expect(rows[0]?.n).toBe(1);
    const { records, notes } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
    expect(records).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('refreshes an expired access token before syncing', async () => {
    // The stored token is made to look expired; the next sync must refresh it first.
    await withTenant(s.deps.db, acme.tenantId, async (tx) => {
      const [row] = await tx
        .execute(sql`select credentials from crm_connections where id = ${acmeHubspot}`)
        .then((r) => (r as unknown as { rows: { credentials: string }[] }).rows);
      const creds = JSON.parse(
        await s.deps.vault.open(tx, acme.tenantId, row!.credentials),
      ) as CrmCredentials;
      const expired = await s.deps.vault.seal(
        tx,
        acme.tenantId,
        JSON.stringify({ ...creds, expiresAt: Date.now() - 60_000 }),
      );
      await tx.execute(sql`update crm_connections set credentials = ${expired} where id = ${acmeHubspot}`);
    });
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    await call(s, 'PATCH', `/api/v1/leads/${lead.id}/tag`, { token: acme.token, body: { tag: 'HOT' } });
    await eventually(async () => {
      const { records } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
      return records[0]?.values.hs_lead_status === 'IN_PROGRESS' ? true : undefined;
    });
    const list = await call(s, 'GET', '/api/v1/crm/integrations', { token: acme.token });
    const conn = list.json.items.find((c: Json) => c.id === acmeHubspot);
    expect(conn.status).toBe('active');
    expect(Date.parse(conn.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('HubSpot webhooks: a bad signature is refused; a signed owner and status change shows on the lead', async () => {
    const body = JSON.stringify([
      {
        eventId: 1,
        portalId: Number(PORTAL),
        occurredAt: Date.now(),
        subscriptionType: 'contact.propertyChange',
        objectId: 1,
        propertyName: 'hs_lead_status',
        propertyValue: 'CONNECTED',
      },
    ]);
    const url = `${s.base}/webhooks/crm/hubspot`;
    const now = Date.now();
    const bad = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signHubspot('not-the-secret', url, body, now),
        'x-hubspot-request-timestamp': String(now),
      },
      body,
    });
    expect(bad.status).toBe(401);
    const stale = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signHubspot(
          s.config.crm.apps.hubspot.clientSecret,
          url,
          body,
          now - 600_000,
        ),
        'x-hubspot-request-timestamp': String(now - 600_000),
      },
      body,
    });
    expect(stale.status).toBe(401);

    // A salesperson reassigns the contact and moves its status in HubSpot; HubSpot calls us.
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    const { records } = await recordsOf(s, 'hubspot', PORTAL, lead.contact.id);
    const changed = await call(
      s,
      'POST',
      `/sandbox/control/crm/hubspot/accounts/${PORTAL}/records/${records[0]?.id}/change`,
      { body: { owner: '71000002', status: 'CONNECTED' } },
    );
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json.webhook.delivered).toBe(true);
    const shown = await leadDetail(s, acme, lead.id);
    expect(shown.crm[0]).toMatchObject({ owner: '71000002', crmStatus: 'CONNECTED' });
  });

  it('connects Salesforce too; the periodic pull shows an owner and status changed there', async () => {
    const connected = await connectCrmThroughOAuth(s, acme.token, 'salesforce');
    expect(connected.status, JSON.stringify(connected.json)).toBe(200);
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    // Connecting queues the workspace's existing leads.
    const both = await settled(s, acme, lead.id, 'synced', 2);
    const sf = both.crm.find((c: Json) => c.vendor === 'salesforce');
    const accountId = connected.json.accountId;
    const { records, notes } = await recordsOf(s, 'salesforce', accountId, lead.contact.id);
    expect(records).toHaveLength(1);
    expect(records[0]?.id).toBe(sf.externalId);
    expect(records[0]?.values).toMatchObject({
      LastName: 'Lopez',
      FirstName: 'Maria',
      Status: 'Working - Contacted',
      LeadSource: 'Facebook',
    });
    expect(notes.length).toBeGreaterThanOrEqual(1);
    const owners = (await call(s, 'GET', '/sandbox/control/crm/salesforce/accounts')).json.accounts.find(
      (a: Json) => a.id === accountId,
    ).owners;
    const owner = owners[owners.length - 1].id;
    const changed = await call(
      s,
      'POST',
      `/sandbox/control/crm/salesforce/accounts/${accountId}/records/${sf.externalId}/change`,
      { body: { owner, status: 'Closed - Converted' } },
    );
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    await eventually(async () => {
      const l = await leadDetail(s, acme, lead.id);
      const c = l.crm.find((x: Json) => x.vendor === 'salesforce');
      return c.owner === owner && c.crmStatus === 'Closed - Converted' ? true : undefined;
    }, 20_000);
  });

  it('Zoho (OAuth, from its EU data centre) and Pipedrive (API token) get the lead with their mapped fields', async () => {
    const roasters = await register(s, 'Roasters Ltd');
    expect((await connectThroughOAuth(s, roasters.token, 'whatsapp', { accounts: [WA] })).status).toBe(200);
    const zoho = await connectCrmThroughOAuth(s, roasters.token, 'zoho', { account: '20098765432' });
    expect(zoho.status, JSON.stringify(zoho.json)).toBe(200);
    const pipedrive = await call(s, 'POST', '/api/v1/crm/connect', {
      token: roasters.token,
      // A Pipedrive API token: 40 hex characters; each one is a company of its own in the sandbox.
      body: { vendor: 'pipedrive', token: `${crypto.randomUUID().replaceAll('-', '')}01234567` },
    });
    expect(pipedrive.status, JSON.stringify(pipedrive.json)).toBe(200);
    const lead = await leadOf(s, roasters, {
      platform: 'whatsapp',
      accountId: WA,
      id: '16505550177',
      name: 'Sheena Nelson',
      text: "Hi, I'd like to order two bags of the house blend, how much is delivery?",
    });
    const synced = await settled(s, roasters, lead.id, 'synced', 2);
    const z = (await recordsOf(s, 'zoho', zoho.json.accountId, lead.contact.id)).records;
    expect(z).toHaveLength(1);
    expect(z[0]?.id).toBe(synced.crm.find((c: Json) => c.vendor === 'zoho').externalId);
    expect(z[0]?.values).toMatchObject({
      First_Name: 'Sheena',
      Last_Name: 'Nelson',
      Company: '[not provided]',
    });
    const p = await recordsOf(s, 'pipedrive', pipedrive.json.connection.accountId, lead.contact.id);
    expect(p.records).toHaveLength(1);
    expect(p.records[0]?.values.name).toBe('Sheena Nelson');
    // The lead tag maps to the person labels a new Pipedrive company starts with, found by name.
    const labelIds: Record<string, string> = { HOT: '2', WARM: '3', COLD: '4' };
    expect(p.records[0]?.values.label_ids).toBe(labelIds[synced.tag as string]);
    expect(p.notes).toHaveLength(1);
  });

  it('the mapping: read, replaced when it fits the CRM fields, refused with the reason when it does not', async () => {
    const got = await call(s, 'GET', `/api/v1/crm/integrations/${acmeHubspot}/mapping`, {
      token: acme.token,
    });
    expect(got.status).toBe(200);
    expect(got.json.items).toEqual(
      expect.arrayContaining([
        { source: 'email', target: 'email', valueMap: null },
        {
          source: 'lead_tag',
          target: 'hs_lead_status',
          valueMap: { HOT: 'IN_PROGRESS', WARM: 'OPEN', COLD: 'NEW' },
        },
      ]),
    );
    const fields = await call(s, 'GET', `/api/v1/crm/integrations/${acmeHubspot}/fields`, {
      token: acme.token,
    });
    expect(fields.json.items.map((f: Json) => f.name)).toEqual(
      expect.arrayContaining(['email', 'hs_lead_status']),
    );

    const unknown = await call(s, 'PUT', `/api/v1/crm/integrations/${acmeHubspot}/mapping`, {
      token: acme.token,
      body: {
        items: [
          { source: 'email', target: 'email' },
          { source: 'company', target: 'no_such_field' },
        ],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('VALIDATION_FAILED');
    expect(unknown.json.error.details).toEqual([
      { index: 1, target: 'no_such_field', message: 'The CRM has no field named no_such_field' },
    ]);
    const badValue = await call(s, 'PUT', `/api/v1/crm/integrations/${acmeHubspot}/mapping`, {
      token: acme.token,
      body: {
        items: [
          {
            source: 'lead_tag',
            target: 'hs_lead_status',
            valueMap: { HOT: 'ON_FIRE', WARM: 'OPEN', COLD: 'NEW' },
          },
        ],
      },
    });
    expect(badValue.status).toBe(400);
    expect(JSON.stringify(badValue.json.error.details)).toContain('ON_FIRE');
    // Nothing was changed by the refusals.
    expect(
      (await call(s, 'GET', `/api/v1/crm/integrations/${acmeHubspot}/mapping`, { token: acme.token })).json,
    ).toEqual(got.json);

    const replaced = await call(s, 'PUT', `/api/v1/crm/integrations/${acmeHubspot}/mapping`, {
      token: acme.token,
      body: { items: [...got.json.items, { source: 'company', target: 'company' }] },
    });
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(replaced.json.items).toHaveLength(got.json.items.length + 1);
  });

  it("another workspace gets 404 for this one's ids, and a viewer may not connect a CRM", async () => {
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Maria', { token: acme.token })).json.items[0];
    for (const [method, path] of [
      ['GET', `/api/v1/crm/integrations/${acmeHubspot}/mapping`],
      ['GET', `/api/v1/crm/integrations/${acmeHubspot}/fields`],
      ['PATCH', `/api/v1/crm/integrations/${acmeHubspot}`],
      ['DELETE', `/api/v1/crm/integrations/${acmeHubspot}`],
      ['POST', `/api/v1/crm/sync/${lead.id}`],
      ['DELETE', `/api/v1/contacts/${lead.contact.id}`],
    ] as const) {
      const res = await call(s, method, path, {
        token: beans.token,
        ...(method === 'PATCH' ? { body: { eraseMode: 'anonymise' } } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const viewer = await addMember(s.app, beans.signed, 'viewer');
    const refused = await call(s, 'POST', '/api/v1/crm/connect', {
      token: viewer.token,
      body: { vendor: 'hubspot' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('FORBIDDEN');
    const agent = await addMember(s.app, beans.signed, 'agent');
    expect(
      (await call(s, 'DELETE', `/api/v1/contacts/${crypto.randomUUID()}`, { token: agent.token })).status,
    ).toBe(403);
  });

  it('a 429 with Retry-After and a 5xx storm are retried; the record is made once', async () => {
    beansPortal = `beans${crypto.randomUUID().slice(0, 8)}`;
    const connected = await call(s, 'POST', '/api/v1/crm/connect', {
      token: beans.token,
      body: { vendor: 'hubspot', token: `pat-sandbox-${beansPortal}` },
    });
    expect(connected.status, JSON.stringify(connected.json)).toBe(200);
    expect(connected.json.connection).toMatchObject({ status: 'active', authType: 'token' });
    beansPortal = connected.json.connection.accountId;
    await call(s, 'DELETE', '/sandbox/control/crm/hubspot/requests');
    await fault(s, 'hubspot', { mode: 'rate_limit', count: 1, retryAfterSeconds: 1 });
    const first = await leadOf(s, beans, {
      platform: 'instagram',
      accountId: IG,
      id: 'igsid-crm-sam',
      name: 'Sam Latte',
      text: 'How much is the Pro plan? We want to buy today.',
    });
    await settled(s, beans, first.id);
    const seen = (await requestsTo(s, 'hubspot')).map((r) => r.status);
    expect(seen).toContain(429);
    expect((await recordsOf(s, 'hubspot', beansPortal, first.contact.id)).records).toHaveLength(1);

    await fault(s, 'hubspot', { mode: 'error_5xx', count: 3 });
    const second = await leadOf(s, beans, {
      platform: 'instagram',
      accountId: IG,
      id: 'igsid-crm-lee',
      name: 'Lee Crema',
      text: 'Can I order two bags of espresso beans for delivery tomorrow?',
    });
    const done = await settled(s, beans, second.id);
    expect(done.crm[0].status).toBe('synced');
    const { records, notes } = await recordsOf(s, 'hubspot', beansPortal, second.contact.id);
    expect(records).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('spent retries land in the DLQ; a retry from the API syncs it, once', async () => {
    await fault(s, 'hubspot', { mode: 'error_5xx' });
    const lead = await leadOf(s, beans, {
      platform: 'instagram',
      accountId: IG,
      id: 'igsid-crm-ana',
      name: 'Ana Moka',
      text: 'What is the price of a coffee subscription? I want to sign up this week.',
    });
    const dead = await settled(s, beans, lead.id, 'dead');
    expect(dead.crm[0].error).toMatch(/./);
    await fault(s, 'hubspot', { mode: 'none' });
    const status = await syncStatus(s, beans);
    expect(status.counts.dead).toBe(1);
    const letter = status.deadLetters.find((d: Json) => d.payload.leadId === lead.id);
    expect(letter).toMatchObject({ queue: 'crm', jobName: 'crm.sync', attempts: 6 });
    expect(status.failures.find((f: Json) => f.leadId === lead.id)).toMatchObject({
      status: 'dead',
      attempts: 6,
    });
    // Another workspace cannot retry it.
    expect(
      (await call(s, 'POST', `/api/v1/crm/sync/dlq/${letter.id}/retry`, { token: acme.token })).status,
    ).toBe(404);
    const retried = await call(s, 'POST', `/api/v1/crm/sync/dlq/${letter.id}/retry`, { token: beans.token });
    expect(retried.status, JSON.stringify(retried.json)).toBe(202);
    await settled(s, beans, lead.id);
    expect((await recordsOf(s, 'hubspot', beansPortal, lead.contact.id)).records).toHaveLength(1);
    const after = await syncStatus(s, beans);
    expect(after.counts.dead).toBe(0);
    expect(after.deadLetters.find((d: Json) => d.id === letter.id)).toBeUndefined();
  });

  it('a contact erased: its CRM record is deleted (or anonymised, per connection), and both are audited', async () => {
    const lead = (await call(s, 'GET', '/api/v1/leads?q=Sam', { token: beans.token })).json.items[0];
    const erased = await call(s, 'DELETE', `/api/v1/contacts/${lead.contact.id}`, { token: beans.token });
    expect(erased.status).toBe(204);
    expect((await call(s, 'GET', `/api/v1/contacts/${lead.contact.id}`, { token: beans.token })).status).toBe(
      404,
    );
    expect((await call(s, 'GET', `/api/v1/leads/${lead.id}`, { token: beans.token })).status).toBe(404);
    await eventually(async () =>
      (await crmAccount(s, 'hubspot', beansPortal)).records.some((r) => r.id === lead.crm[0].externalId)
        ? undefined
        : true,
    );

    const connection = (await call(s, 'GET', '/api/v1/crm/integrations', { token: beans.token })).json
      .items[0];
    const patched = await call(s, 'PATCH', `/api/v1/crm/integrations/${connection.id}`, {
      token: beans.token,
      body: { eraseMode: 'anonymise' },
    });
    expect(patched.json.eraseMode).toBe('anonymise');
    const other = (await call(s, 'GET', '/api/v1/leads?q=Lee', { token: beans.token })).json.items[0];
    const recordId = other.crm[0].externalId;
    expect(
      (await call(s, 'DELETE', `/api/v1/contacts/${other.contact.id}`, { token: beans.token })).status,
    ).toBe(204);
    const anonymised = await eventually(async () => {
      const r = (await crmAccount(s, 'hubspot', beansPortal)).records.find((x) => x.id === recordId);
      return r && !r.values.firstname && !r.values.lastname ? r : undefined;
    });
    expect(JSON.stringify(anonymised.values)).not.toContain('Crema');

    const audit = await call(s, 'GET', '/api/v1/audit-logs?limit=100', { token: beans.token });
    const actions = audit.json.items.map((i: Json) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(['contact.erased', 'crm.record_deleted', 'crm.record_anonymised']),
    );
  });

  it('a revoked token marks the connection needs_reauth and mails the admins; syncs wait', async () => {
    const connection = (await call(s, 'GET', '/api/v1/crm/integrations', { token: beans.token })).json
      .items[0];
    const revoked = await call(s, 'POST', `/sandbox/control/crm/hubspot/accounts/${beansPortal}/revoke`);
    expect(revoked.status).toBe(200);
    const lead = await leadOf(s, beans, {
      platform: 'instagram',
      accountId: IG,
      id: 'igsid-crm-kim',
      name: 'Kim Arabica',
      text: "I'd like a quote for 20 bags for our office, can you deliver Friday?",
    });
    await eventually(async () => {
      const list = await call(s, 'GET', '/api/v1/crm/integrations', { token: beans.token });
      return list.json.items[0]?.status === 'needs_reauth' ? true : undefined;
    });
    const mail = await eventually(async () => {
      const box = await call(s, 'GET', '/api/v1/outbox', { token: beans.token });
      return box.json.items.find((m: Json) => /Reconnect HubSpot/.test(m.subject));
    });
    expect(mail.text).toContain('settings/crm');
    const waiting = await leadDetail(s, beans, lead.id);
    expect(waiting.crm[0].status).not.toBe('dead');
    const audit = await call(s, 'GET', '/api/v1/audit-logs?limit=100', { token: beans.token });
    expect(
      audit.json.items.some((i: Json) => i.action === 'crm.needs_reauth' && i.resource.id === connection.id),
    ).toBe(true);
  });

  it('disconnecting stops syncing and erases the stored credentials', async () => {
    const res = await call(s, 'DELETE', `/api/v1/crm/integrations/${acmeHubspot}`, { token: acme.token });
    expect(res.status).toBe(204);
    const list = await call(s, 'GET', '/api/v1/crm/integrations', { token: acme.token });
    expect(list.json.items.map((c: Json) => c.vendor)).not.toContain('hubspot');
    const [row] = await queryRows<{ status: string; credentials: string }>(
      s.deps.db,
      sql`select status, credentials from crm_connections where id = ${acmeHubspot}`,
    );
    expect(row?.status).toBe('disconnected');
    await withTenant(s.deps.db, acme.tenantId, async (tx) => {
      expect(await s.deps.vault.open(tx, acme.tenantId, row!.credentials)).toBe('{}');
    });
  });
});
