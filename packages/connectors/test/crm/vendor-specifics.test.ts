/** What only one vendor does: Zoho data centres, HubSpot's email/key keying, private tokens, Salesforce create-only defaults. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, createCrmAuth, createCrmConnector, ZOHO_REGIONS } from '../../src/index.ts';
import { type CrmWorld, connect, consent, REDIRECT_URI, rejectionOf, startCrmWorld } from './world.ts';

let world: CrmWorld;
beforeEach(async () => {
  world = await startCrmWorld();
});
afterEach(() => world.close());

describe('Zoho data centres', () => {
  it('signs people in at the accounts server of the chosen region', () => {
    const auth = createCrmAuth('zoho', { clientId: 'cid', clientSecret: 'sec' });
    const host = (region?: string) =>
      new URL(auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 's', ...(region ? { region } : {}) }))
        .host;
    expect(host()).toBe('accounts.zoho.com');
    expect(host('eu')).toBe('accounts.zoho.eu');
    expect(host('IN')).toBe('accounts.zoho.in');
    expect(host('au')).toBe('accounts.zoho.com.au');
    expect(host('jp')).toBe('accounts.zoho.jp');
    expect(host('cn')).toBe('accounts.zoho.com.cn');
    expect(host('ca')).toBe('accounts.zohocloud.ca');
    expect(host('sa')).toBe('accounts.zoho.sa');
    expect(host('mars')).toBe('accounts.zoho.com');
    expect(Object.keys(ZOHO_REGIONS)).toHaveLength(8);
  });

  it("exchanges the code at the org's own accounts server and keeps its api_domain", async () => {
    const auth = createCrmAuth('zoho', world.app('zoho'));
    // Signs in at the US server; the org lives in the EU data centre.
    const given = await consent(auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 's' }), '20098765432');
    const zohoBase = `${world.url}/crm/zoho`;
    expect(given.extra).toEqual({ location: 'eu', 'accounts-server': `${zohoBase}/accounts.zoho.eu` });
    world.clear('zoho');
    const creds = await auth.exchangeCode({
      code: given.code,
      redirectUri: REDIRECT_URI,
      extra: given.extra,
    });
    expect(creds).toMatchObject({
      accountId: '20098765432',
      apiBase: `${zohoBase}/www.zohoapis.eu`,
      accountsServer: `${zohoBase}/accounts.zoho.eu`,
    });
    expect(world.calls('zoho')).toEqual([
      'POST /accounts.zoho.eu/oauth/v2/token',
      'GET /www.zohoapis.eu/crm/v8/org',
    ]);

    world.clear('zoho');
    const crm = await createCrmConnector('zoho', await auth.refresh(creds), world.app('zoho'));
    await crm.listFields();
    expect(world.calls('zoho')).toEqual([
      'POST /accounts.zoho.eu/oauth/v2/token',
      'GET /www.zohoapis.eu/crm/v8/settings/fields',
    ]);
    // Zoho's refresh carries its parameters in the query string.
    expect(world.requests('zoho')[0]?.query).toMatchObject({
      grant_type: 'refresh_token',
      client_id: 'zoho-sandbox-client',
    });
  });

  it('never sends the client secret to a forged accounts-server, and a code only works where it was issued', async () => {
    const auth = createCrmAuth('zoho', world.app('zoho'));
    const given = await consent(auth.authorizeUrl({ redirectUri: REDIRECT_URI, state: 's' }), '20098765432');
    world.clear('zoho');
    const forged = await rejectionOf(
      auth.exchangeCode({
        code: given.code,
        redirectUri: REDIRECT_URI,
        extra: { 'accounts-server': 'https://accounts.evil.example' },
      }),
    );
    expect(forged).toMatchObject({ kind: 'permanent' });
    expect(world.calls('zoho')).toEqual([]);
    // Without the redirect's parameters the code goes to the US server, which did not issue it.
    expect(
      await rejectionOf(auth.exchangeCode({ code: given.code, redirectUri: REDIRECT_URI })),
    ).toMatchObject({ kind: 'permanent' });
  });

  it('asks for Last_Name only when it creates a Lead', async () => {
    const { creds } = await connect(world, 'zoho', '60012345678');
    const crm = await createCrmConnector('zoho', creds, world.app('zoho'));
    await crm.upsert([{ externalKey: 'k-0', fields: { Last_Name: 'Seed' } }]);
    world.clear('zoho');
    const [made] = await crm.upsert([
      { externalKey: 'k-1', email: 'ana@example.com', fields: { First_Name: 'Ana' } },
    ]);
    expect(made).toMatchObject({ ok: true, created: true });
    expect(world.calls('zoho')).toEqual([
      'POST /www.zohoapis.com/crm/v8/Leads/upsert',
      'POST /www.zohoapis.com/crm/v8/Leads/upsert',
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: vendor JSON
    const [first, second] = world.requests('zoho').map((r) => (r.body as any).data[0]);
    expect(first.Last_Name).toBeUndefined();
    expect(second.Last_Name).toBe('[not provided]');
  });
});

describe('HubSpot keying', () => {
  it('finds a contact first synced without an email once it has one, instead of making a second', async () => {
    const { creds } = await connect(world, 'hubspot', '24681357');
    const crm = await createCrmConnector('hubspot', creds, world.app('hubspot'));
    const [before] = await crm.upsert([{ externalKey: 'ig-178414', fields: { firstname: 'Jane' } }]);
    if (!before?.ok) throw new Error('first upsert failed');
    world.clear('hubspot');
    const [after] = await crm.upsert([
      { externalKey: 'ig-178414', email: 'jane@example.com', fields: { hs_lead_status: 'OPEN' } },
    ]);
    expect(after).toEqual({ externalKey: 'ig-178414', ok: true, recordId: before.recordId, created: false });
    const upsert = 'POST /api.hubapi.com/crm/v3/objects/contacts/batch/upsert';
    expect(world.calls('hubspot')).toEqual([upsert, upsert]);
    // biome-ignore lint/suspicious/noExplicitAny: vendor JSON
    const [byEmail, byKey] = world.requests('hubspot').map((r) => (r.body as any).inputs[0]);
    expect(byEmail).toMatchObject({ idProperty: 'email', id: 'jane@example.com' });
    expect(byKey).toMatchObject({
      idProperty: 'replyforce_contact_id',
      id: 'ig-178414',
      properties: { email: 'jane@example.com' },
    });
    expect(world.requests('hubspot')[0]?.status).toBe(207);
    const account = world.server.sandbox.crm.account('hubspot', '24681357');
    expect(account?.records.size).toBe(1);
    expect(account?.records.get(before.recordId)?.values).toMatchObject({
      email: 'jane@example.com',
      hs_lead_status: 'OPEN',
    });
  });

  it('sends one contact named twice in a batch once, and answers both', async () => {
    const { creds } = await connect(world, 'hubspot', '24681357');
    const crm = await createCrmConnector('hubspot', creds, world.app('hubspot'));
    const results = await crm.upsert([
      { externalKey: 'k-1', email: 'a@example.com', fields: { hs_lead_status: 'NEW' } },
      { externalKey: 'k-1', email: 'a@example.com', fields: { hs_lead_status: 'OPEN' } },
    ]);
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual(results[1]);
    const account = world.server.sandbox.crm.account('hubspot', '24681357');
    expect([...(account?.records.values() ?? [])].map((r) => r.values.hs_lead_status)).toEqual(['OPEN']);
  });
});

describe('private-app tokens and API keys', () => {
  it('accepts a HubSpot private-app token after one check call, and refuses a bad one', async () => {
    const auth = createCrmAuth('hubspot', world.app('hubspot'));
    const token = 'pat-sandbox-conformance';
    const creds = await auth.fromApiToken?.(token);
    expect(creds).toEqual({
      accessToken: token,
      accountId: world.server.sandbox.crm.accountForToken('hubspot', token).id,
    });
    expect(world.calls('hubspot')).toEqual(['GET /api.hubapi.com/account-info/v3/details']);
    const crm = await createCrmConnector('hubspot', creds ?? { accessToken: token }, world.app('hubspot'));
    expect((await crm.listFields()).some((f) => f.name === 'hs_lead_status')).toBe(true);
    expect(await rejectionOf(auth.fromApiToken?.('pat-na1-not-valid') ?? Promise.resolve())).toMatchObject({
      kind: 'auth_revoked',
    });
  });

  it('accepts a Pipedrive API token, sent as x-api-token, and refuses a bad one', async () => {
    const auth = createCrmAuth('pipedrive', world.app('pipedrive'));
    const token = '0123456789abcdef0123456789abcdef01234567';
    const creds = await auth.fromApiToken?.(token);
    expect(creds).toEqual({
      accessToken: token,
      apiBase: `${world.url}/crm/pipedrive/api.pipedrive.com`,
      accountId: world.server.sandbox.crm.accountForToken('pipedrive', token).id,
    });
    world.clear('pipedrive');
    const crm = await createCrmConnector(
      'pipedrive',
      creds ?? { accessToken: token },
      world.app('pipedrive'),
    );
    const [made] = await crm.upsert([
      { externalKey: 'k-1', email: 'ana@example.com', fields: { name: 'Ana Lima' } },
    ]);
    expect(made).toMatchObject({ ok: true, created: true });
    expect(new Set(world.requests('pipedrive').map((r) => r.auth))).toEqual(new Set(['x-api-token']));
    const err = await rejectionOf(auth.fromApiToken?.('not-a-token') ?? Promise.resolve());
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'auth_revoked' });
  });
});

describe('Salesforce required fields', () => {
  it('fills LastName and Company only for Leads it creates, never over what the CRM holds', async () => {
    const { creds } = await connect(world, 'salesforce', '00D5g00000ACME1EAA');
    const crm = await createCrmConnector('salesforce', creds, world.app('salesforce'));
    await crm.upsert([{ externalKey: 'k-0', fields: { LastName: 'Seed', Company: 'Seed Co' } }]);
    world.clear('salesforce');
    const [made] = await crm.upsert([
      { externalKey: 'k-1', email: 'ana@example.com', fields: { FirstName: 'Ana' } },
    ]);
    if (!made?.ok) throw new Error('upsert failed');
    expect(made.created).toBe(true);
    const path =
      'PATCH /acme.my.salesforce.com/services/data/v62.0/composite/sobjects/Lead/ReplyForce_Contact_Id__c';
    expect(world.calls('salesforce')).toEqual([path, path]);
    // biome-ignore lint/suspicious/noExplicitAny: vendor JSON
    const bodies = world.requests('salesforce').map((r) => (r.body as any).records[0]);
    expect(bodies[0]).not.toHaveProperty('LastName');
    expect(bodies[1]).toMatchObject({ LastName: '[not provided]', Company: '[not provided]' });

    await crm.upsert([{ externalKey: 'k-1', fields: { LastName: 'Lima', Company: 'Lima Café' } }]);
    world.clear('salesforce');
    const [again] = await crm.upsert([{ externalKey: 'k-1', fields: { Status: 'Working - Contacted' } }]);
    expect(again).toMatchObject({ ok: true, created: false, recordId: made.recordId });
    expect(world.calls('salesforce')).toEqual([path]);
    const lead = world.server.sandbox.crm
      .account('salesforce', '00D5g00000ACME1EAA')
      ?.records.get(made.recordId);
    expect(lead?.values).toMatchObject({
      LastName: 'Lima',
      Company: 'Lima Café',
      Status: 'Working - Contacted',
    });
  });
});
