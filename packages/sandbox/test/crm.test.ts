import { afterEach, describe, expect, it } from 'vitest';
import { signV3 } from '../src/crm/hubspot/webhook.ts';
import type { SandboxOptions } from '../src/index.ts';
import { type Answer, call, startWorld, type World } from './helpers/setup.ts';

let world: World;
afterEach(() => world?.close());

const start = async (crm: SandboxOptions['crm'] = {}) => {
  world = await startWorld({ crm });
  return world;
};

const HS = () => `${world.url}/crm/hubspot/api.hubapi.com`;
const pat = (label = 'sandbox-test') => ({ authorization: `Bearer pat-sandbox-${label}` });
const contacts = (
  label?: string,
  inputs: unknown[] = [{ idProperty: 'email', id: 'a@example.com', properties: {} }],
) => call(`${HS()}/crm/v3/objects/contacts/batch/upsert`, { headers: pat(label), json: { inputs } });

/** Connects a vendor's seeded account through its consent page and token endpoint; returns the access token and answer. */
async function oauthToken(vendor: 'salesforce' | 'zoho', accountId: string): Promise<Answer> {
  const app = world.sandbox.sandbox.crm.options.apps[vendor];
  const redirect = 'https://app.example/cb';
  const page =
    vendor === 'zoho'
      ? '/accounts.zoho.com/oauth/v2/auth'
      : '/login.salesforce.com/services/oauth2/authorize';
  const consent = await call(`${world.url}/crm/${vendor}${page}`, {
    form: {
      client_id: app.clientId,
      redirect_uri: redirect,
      response_type: 'code',
      scope: 'x',
      state: 's',
      decision: 'allow',
      account: accountId,
    },
  });
  const back = new URL(consent.headers.get('location') ?? '');
  const server =
    back.searchParams.get('accounts-server') ?? `${world.url}/crm/salesforce/login.salesforce.com`;
  const path = vendor === 'zoho' ? '/oauth/v2/token' : '/services/oauth2/token';
  return call(`${server}${path}`, {
    form: {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirect,
    },
  });
}

describe('CRM sandbox: rate limits', () => {
  // Windows in these tests are long, so how fast the machine runs cannot change the outcome.
  it('holds a HubSpot portal to its window and answers TEN_SECONDLY_ROLLING with Retry-After', async () => {
    await start({ limits: { hubspot: { limit: 3, windowMs: 600_000 } } });
    const ok = [await contacts(), await contacts(), await contacts()];
    expect(ok.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(ok.map((a) => a.headers.get('x-hubspot-ratelimit-remaining'))).toEqual(['2', '1', '0']);
    const limited = await contacts();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(600);
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    // Limits are per portal: another private app's portal is not throttled.
    expect((await contacts('another-portal')).status).toBe(200);
  });

  it('keeps the documented defaults when nothing is configured', async () => {
    await start();
    expect(world.sandbox.sandbox.crm.options.limits.hubspot).toEqual({ limit: 100, windowMs: 10_000 });
    expect(world.sandbox.sandbox.crm.options.limits.pipedrive).toEqual({ limit: 20, windowMs: 2_000 });
    expect(world.sandbox.sandbox.crm.options.hubspotSearch).toEqual({ limit: 5, windowMs: 1_000 });
  });

  it('gives HubSpot search its own per-second bucket', async () => {
    await start({ hubspotSearch: { limit: 2, windowMs: 600_000 } });
    const search = () =>
      call(`${HS()}/crm/v3/objects/contacts/search`, { headers: pat(), json: { filterGroups: [] } });
    expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(200);
    const third = await search();
    expect(third.status).toBe(429);
    expect(third.body.policyName).toBe('SECONDLY');
    expect((await contacts()).status).toBe(200);
  });

  it('holds a Pipedrive company to its burst limit', async () => {
    await start({ limits: { pipedrive: { limit: 20, windowMs: 600_000 } } });
    const token = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
    const me = () =>
      call(`${world.url}/crm/pipedrive/api.pipedrive.com/api/v1/users/me`, {
        headers: { 'x-api-token': token },
      });
    for (let i = 0; i < 20; i++) expect((await me()).status).toBe(200);
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: 'Request over limit', errorCode: 429 });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('CRM sandbox: injected faults', () => {
  it('fails the next calls in the vendor shape: 5xx, 429 with the chosen Retry-After, 401', async () => {
    await start();
    const faults = (vendor: string, json: object) =>
      call(`${world.url}/control/crm/${vendor}/faults`, { json });
    expect((await faults('hubspot', { mode: 'error_5xx', count: 2 })).body).toEqual({
      vendor: 'hubspot',
      mode: 'error_5xx',
      remaining: 2,
    });
    expect((await contacts()).status).toBe(500);
    expect((await contacts()).body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
    expect((await contacts()).status).toBe(200);

    await faults('hubspot', { mode: 'rate_limit', count: 1, retryAfterSeconds: 5 });
    const limited = await contacts();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');

    await faults('hubspot', { mode: 'auth_revoked', count: 1 });
    expect((await contacts()).body).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
    expect((await contacts()).status).toBe(200);

    // Faults are per vendor, and a Salesforce over-limit answer is its 403 REQUEST_LIMIT_EXCEEDED.
    const token = (await oauthToken('salesforce', '00D5g00000ACME1EAA')).body.access_token;
    await faults('salesforce', { mode: 'rate_limit', count: 1, retryAfterSeconds: 3 });
    const sf = await call(
      `${world.url}/crm/salesforce/acme.my.salesforce.com/services/data/v62.0/sobjects/Lead/describe`,
      { token },
    );
    expect(sf.status).toBe(403);
    expect(sf.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    expect(sf.headers.get('retry-after')).toBe('3');
  });

  it('refuses a fault it does not know', async () => {
    await start();
    const bad = await call(`${world.url}/control/crm/hubspot/faults`, { json: { mode: 'meltdown' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(`${world.url}/control/crm/oracle/faults`, { json: { mode: 'none' } })).status).toBe(
      400,
    );
  });
});

describe('CRM sandbox: vendor contracts', () => {
  it('answers HubSpot batch upserts with 207 for bad values and 400 for unknown properties or oversize batches', async () => {
    await start();
    const mixed = await contacts(undefined, [
      { idProperty: 'email', id: 'ok@example.com', properties: { hs_lead_status: 'NEW' } },
      {
        idProperty: 'email',
        id: 'bad@example.com',
        properties: { hs_lead_status: 'NOPE' },
        objectWriteTraceId: 't-2',
      },
    ]);
    expect(mixed.status).toBe(207);
    expect(mixed.body.results).toHaveLength(1);
    expect(mixed.body.results[0]).toMatchObject({
      new: true,
      properties: { email: 'ok@example.com', hs_lead_status: 'NEW' },
    });
    expect(mixed.body.errors[0]).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { objectWriteTraceId: ['t-2'] },
    });
    const unknown = await contacts(undefined, [
      { idProperty: 'email', id: 'x@example.com', properties: { favourite_colour: 'red' } },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      code: 'PROPERTY_DOESNT_EXIST',
      context: { propertyName: ['favourite_colour'] },
    });
    const big = Array.from({ length: 101 }, (_, i) => ({
      idProperty: 'email',
      id: `p${i}@example.com`,
      properties: {},
    }));
    expect((await contacts(undefined, big)).status).toBe(400);
    expect(
      (await call(`${HS()}/crm/v3/objects/contacts/batch/upsert`, { json: { inputs: [] } })).status,
    ).toBe(401);
  });

  it('keeps Zoho tokens to their data centre and its own auth header', async () => {
    await start();
    const eu = (await oauthToken('zoho', '20098765432')).body;
    expect(eu.api_domain).toBe(`${world.url}/crm/zoho/www.zohoapis.eu`);
    const fields = (host: string, authorization: string) =>
      call(`${world.url}/crm/zoho/${host}/crm/v8/settings/fields?module=Leads`, {
        headers: { authorization },
      });
    expect((await fields('www.zohoapis.eu', `Zoho-oauthtoken ${eu.access_token}`)).status).toBe(200);
    expect((await fields('www.zohoapis.com', `Zoho-oauthtoken ${eu.access_token}`)).body).toMatchObject({
      code: 'INVALID_TOKEN',
    });
    expect((await fields('www.zohoapis.eu', `Bearer ${eu.access_token}`)).body).toMatchObject({
      code: 'AUTHENTICATION_FAILURE',
    });
    // A refused grant is HTTP 200 with an error, as Zoho answers it.
    const refused = await call(`${world.url}/crm/zoho/accounts.zoho.com/oauth/v2/token`, {
      form: {
        grant_type: 'refresh_token',
        refresh_token: eu.refresh_token,
        client_id: 'zoho-sandbox-client',
        client_secret: 'zoho-sandbox-secret',
      },
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ error: 'invalid_code' });
  });

  it('parses the SOQL a connector sends and refuses the rest', async () => {
    await start();
    const token = (await oauthToken('salesforce', '00D5g00000ACME1EAA')).body.access_token;
    const q = (soql: string) =>
      call(
        `${world.url}/crm/salesforce/acme.my.salesforce.com/services/data/v62.0/query?q=${encodeURIComponent(soql)}`,
        { token },
      );
    const ok = await q(
      'SELECT Id, Status FROM Lead WHERE LastModifiedDate >= 2020-01-01T00:00:00Z ORDER BY LastModifiedDate ASC LIMIT 10',
    );
    expect(ok.body).toEqual({ totalSize: 0, done: true, records: [] });
    expect((await q('SELEKT Id FROM Lead')).body[0].errorCode).toBe('MALFORMED_QUERY');
    expect((await q('SELECT Shoe_Size__c FROM Lead')).body[0].errorCode).toBe('INVALID_FIELD');
    // Another org's instance does not know this session.
    const other = await call(
      `${world.url}/crm/salesforce/acme-roasters.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Lead`,
      { token },
    );
    expect(other.status).toBe(401);
  });
});

describe('CRM sandbox: consent and control', () => {
  it('shows an error page for an unknown app and sends Cancel back as access_denied', async () => {
    await start();
    const page = '/crm/pipedrive/oauth.pipedrive.com/oauth/authorize';
    const wrong = await call(`${world.url}${page}?client_id=nobody&redirect_uri=https://app.example/cb`);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('not a known app');
    const cancel = await call(`${world.url}${page}`, {
      form: {
        client_id: 'pipedrive-sandbox-client',
        redirect_uri: 'https://app.example/cb',
        state: 's-1',
        decision: 'cancel',
      },
    });
    expect(cancel.status).toBe(302);
    const back = new URL(cancel.headers.get('location') ?? '');
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'access_denied', state: 's-1' });
  });

  it('lists records, changes owner and status "in the CRM", and refuses values the CRM would not allow', async () => {
    await start();
    const made = await contacts(undefined, [
      { idProperty: 'email', id: 'jane@example.com', properties: { hs_lead_status: 'NEW' } },
    ]);
    const id = made.body.results[0].id;
    const hub = world.sandbox.sandbox.crm.accountForToken('hubspot', 'pat-sandbox-sandbox-test').id;
    const base = `${world.url}/control/crm/hubspot/accounts/${hub}`;
    const changed = await call(`${base}/records/${id}/change`, {
      json: { owner: '71000002', status: 'CONNECTED' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.record).toMatchObject({ id, owner: '71000002', status: 'CONNECTED' });
    expect((await call(`${base}/records/${id}/change`, { json: { status: 'ON_FIRE' } })).status).toBe(400);
    expect((await call(`${base}/records/404/change`, { json: { status: 'OPEN' } })).status).toBe(404);
    const listed = await call(`${base}/records`);
    expect(listed.body.records).toHaveLength(1);
    expect(listed.body.records[0].values).toMatchObject({
      email: 'jane@example.com',
      hubspot_owner_id: '71000002',
    });
    const log = await call(`${world.url}/control/crm/hubspot/requests`);
    expect(log.body.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api.hubapi.com/crm/v3/objects/contacts/batch/upsert',
      auth: 'Bearer',
      status: 200,
    });
    expect(JSON.stringify(log.body)).not.toContain('pat-sandbox-sandbox-test');
    await call(`${base}/revoke`, { json: {} });
    expect((await contacts()).status).toBe(401);
  });

  it('keeps each account bounded: the oldest records go first', async () => {
    await start({ maxRecordsPerAccount: 3 });
    for (let i = 0; i < 5; i++)
      await contacts(undefined, [{ idProperty: 'email', id: `p${i}@example.com`, properties: {} }]);
    const account = world.sandbox.sandbox.crm.accountForToken('hubspot', 'pat-sandbox-sandbox-test');
    expect([...account.records.values()].map((r) => r.values.email)).toEqual([
      'p2@example.com',
      'p3@example.com',
      'p4@example.com',
    ]);
    // An evicted contact's email is free again: upserting it creates a record rather than failing.
    expect(
      (await contacts(undefined, [{ idProperty: 'email', id: 'p0@example.com', properties: {} }])).body
        .results[0].new,
    ).toBe(true);
  });
});

describe('CRM sandbox: HubSpot webhook signatures', () => {
  it('signs v3 exactly as the published test vector (platform-contracts.md §7.6)', () => {
    const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
    const body = '{"example_field":"example_value"}';
    expect(signV3(secret, 'POST', 'https://www.example.com/webhook_uri', body, 1_700_000_000_000)).toBe(
      'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=',
    );
  });
});
