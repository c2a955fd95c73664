import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basic,
  CREDS,
  call,
  graph,
  IG,
  PAGE,
  PAGE2,
  PHONE,
  pkcePair,
  startWorld,
  WABA,
  type World,
  X_USER,
} from './helpers/setup.ts';

const REDIRECT = 'https://replyforce.example/oauth/callback?channel=1';

/** What a browser does with the consent form: read its fields, tick what the test wants, submit. */
function formFields(html: string): { action: string; hidden: Record<string, string>; accounts: string[] } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      (m[2] ?? '').replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
    ]),
  );
  const accounts = [...html.matchAll(/name="account" value="([^"]+)"/g)].map((m) => m[1] ?? '');
  return { action, hidden, accounts };
}

async function consent(pageUrl: string, decision: 'allow' | 'cancel', accounts?: string[]) {
  const page = await call(pageUrl);
  expect(page.status).toBe(200);
  const { action, hidden, accounts: offered } = formFields(page.text);
  const body = new URLSearchParams({ ...hidden, decision });
  for (const a of accounts ?? offered) body.append('account', a);
  const res = await fetch(new URL(action, pageUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return { page, status: res.status, location: new URL(res.headers.get('location') ?? 'http://none/') };
}

describe('Meta OAuth', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  const dialog = (scope: string, extra: Record<string, string> = {}) =>
    `${world.url}/meta/web/v21.0/dialog/oauth?${new URLSearchParams({
      client_id: CREDS.metaAppId,
      redirect_uri: REDIRECT,
      state: 'st-123',
      response_type: 'code',
      scope,
      ...extra,
    })}`;
  const exchange = (code: string, redirect = REDIRECT) =>
    call(
      graph(
        world,
        `oauth/access_token?${new URLSearchParams({ client_id: CREDS.metaAppId, client_secret: CREDS.metaAppSecret, redirect_uri: redirect, code })}`,
      ),
    );

  it('renders an accessible consent page for the product the scope asks for', async () => {
    const page = await call(
      dialog('pages_messaging,pages_manage_metadata,pages_read_engagement,pages_manage_engagement'),
    );
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<legend>');
    // Every checkbox has a label pointing at it.
    const boxes = [...page.text.matchAll(/<input type="checkbox" id="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes).toHaveLength(2);
    for (const id of boxes) expect(page.text).toContain(`<label for="${id}">`);
    expect(page.text).toContain('Acme Coffee Roasters');
    expect(page.text).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(page.text).toMatch(/<button type="submit" name="decision" value="cancel">Cancel<\/button>/);
    const ig = await call(
      dialog(
        'instagram_basic,instagram_manage_messages,instagram_manage_comments,pages_show_list,pages_messaging',
      ),
    );
    expect(ig.text).toContain('@acmecoffee');
  });

  it('refuses an unknown client_id or a missing redirect_uri', async () => {
    expect((await call(dialog('pages_messaging', { client_id: '42' }))).status).toBe(400);
    const noRedirect = await call(
      `${world.url}/meta/web/v21.0/dialog/oauth?client_id=${CREDS.metaAppId}&scope=pages_messaging`,
    );
    expect(noRedirect.status).toBe(400);
    expect(noRedirect.text).toContain('role="alert"');
  });

  it('Page flow: consent → code → token → me/accounts with Page tokens that work; codes are single use', async () => {
    const { status, location } = await consent(dialog('pages_messaging,pages_manage_metadata'), 'allow', [
      PAGE2,
    ]);
    expect(status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe('https://replyforce.example/oauth/callback');
    expect(location.searchParams.get('channel')).toBe('1');
    expect(location.searchParams.get('state')).toBe('st-123');
    const code = location.searchParams.get('code') ?? '';

    const wrongRedirect = await exchange(code, 'https://evil.example/cb');
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.body.error).toMatchObject({
      code: 100,
      type: 'OAuthException',
      error_subcode: 36008,
    });

    const token = await exchange(code);
    expect(token.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: expect.any(Number),
    });
    const again = await exchange(code);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 36009 });

    const pages = await call(
      graph(world, 'me/accounts?fields=id,name,access_token,instagram_business_account{id,username,name}'),
      {
        token: token.body.access_token,
      },
    );
    expect(pages.body.data).toEqual([
      { id: PAGE2, name: 'Acme Coffee Roasters', access_token: expect.any(String) },
    ]);
    const pageToken = pages.body.data[0].access_token;
    const sub = await call(
      graph(
        world,
        `${PAGE2}/subscribed_apps?subscribed_fields=messages,messaging_postbacks,message_echoes,message_deliveries,message_reads,feed`,
      ),
      { method: 'POST', token: pageToken },
    );
    expect(sub.body).toEqual({ success: true });
    expect((await call(graph(world, 'me?fields=id'), { token: pageToken })).body).toEqual({ id: PAGE2 });
    // A Page token cannot act for another Page.
    const other = await call(graph(world, `${PAGE}/subscribed_apps?subscribed_fields=feed`), {
      method: 'POST',
      token: pageToken,
    });
    expect(other.body.error.code).toBe(100);
    const accounts = await call(`${world.url}/control/accounts`);
    const page2 = accounts.body.accounts.find((a: { accountId: string }) => a.accountId === PAGE2);
    expect(page2.connectedTo).toBe(`${world.receiver.url}/webhooks/facebook`);
  });

  it('Instagram flow: me/accounts names the linked Instagram account and its token subscribes it', async () => {
    const { location } = await consent(
      dialog(
        'instagram_basic,instagram_manage_messages,instagram_manage_comments,pages_show_list,pages_messaging',
      ),
      'allow',
      [IG],
    );
    const token = (await exchange(location.searchParams.get('code') ?? '')).body.access_token;
    const pages = await call(
      graph(world, 'me/accounts?fields=id,name,access_token,instagram_business_account{id,username,name}'),
      { token },
    );
    expect(pages.body.data).toEqual([
      {
        id: PAGE,
        name: 'Acme Coffee',
        access_token: expect.any(String),
        instagram_business_account: { id: IG, username: 'acmecoffee', name: 'Acme Coffee' },
      },
    ]);
    const igToken = pages.body.data[0].access_token;
    await call(graph(world, `${PAGE}/subscribed_apps?subscribed_fields=messages,comments`), {
      method: 'POST',
      token: igToken,
    });
    const accounts = await call(`${world.url}/control/accounts`);
    const ig = accounts.body.accounts.find((a: { accountId: string }) => a.accountId === IG);
    expect(ig).toMatchObject({
      platform: 'instagram',
      username: 'acmecoffee',
      pageId: PAGE,
      connectedTo: expect.any(String),
    });
    // Subscribing Instagram did not subscribe the Page's Messenger.
    const page = accounts.body.accounts.find((a: { accountId: string }) => a.accountId === PAGE);
    expect(page.connectedTo).toBeUndefined();
  });

  it('WhatsApp flow: debug_token granular scopes, then the WABA phone numbers', async () => {
    const { location } = await consent(
      dialog('whatsapp_business_management,whatsapp_business_messaging'),
      'allow',
      [PHONE],
    );
    const token = (await exchange(location.searchParams.get('code') ?? '')).body.access_token;
    const debug = await call(
      graph(world, `debug_token?input_token=${token}&access_token=${CREDS.metaAppId}|${CREDS.metaAppSecret}`),
    );
    expect(debug.body.data).toMatchObject({
      is_valid: true,
      app_id: CREDS.metaAppId,
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: [WABA] },
        { scope: 'whatsapp_business_messaging', target_ids: [WABA] },
      ],
    });
    const numbers = await call(graph(world, `${WABA}/phone_numbers`), { token });
    expect(numbers.body.data).toEqual([
      expect.objectContaining({
        id: PHONE,
        display_phone_number: '15550783881',
        verified_name: 'Acme Coffee',
      }),
    ]);
    expect((await call(graph(world, `${WABA}/subscribed_apps`), { method: 'POST', token })).body).toEqual({
      success: true,
    });
    expect((await call(graph(world, PHONE), { token })).body).toMatchObject({ id: PHONE });
    const bogus = await call(graph(world, 'debug_token?input_token=nope'), {
      token: `${CREDS.metaAppId}|${CREDS.metaAppSecret}`,
    });
    expect(bogus.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });

  it('a code expires after ten minutes', async () => {
    let now = Date.now();
    const local = await startWorld({ now: () => now });
    try {
      const url = `${local.url}/meta/web/v21.0/dialog/oauth?${new URLSearchParams({
        client_id: CREDS.metaAppId,
        redirect_uri: REDIRECT,
        scope: 'pages_messaging',
      })}`;
      const { location } = await consent(url, 'allow');
      now += 10 * 60_000 + 1;
      const res = await call(
        `${local.url}/meta/graph/v21.0/oauth/access_token?${new URLSearchParams({
          client_id: CREDS.metaAppId,
          client_secret: CREDS.metaAppSecret,
          redirect_uri: REDIRECT,
          code: location.searchParams.get('code') ?? '',
        })}`,
        { method: 'POST' },
      );
      expect(res.body.error).toMatchObject({ code: 100, type: 'OAuthException' });
    } finally {
      await local.close();
    }
  });

  it('Cancel redirects with error=access_denied and the state', async () => {
    const { status, location } = await consent(dialog('pages_messaging'), 'cancel');
    expect(status).toBe(302);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_reason')).toBe('user_denied');
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('disconnect: DELETE me/permissions revokes the token (190)', async () => {
    const token = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    expect((await call(graph(world, 'me/permissions'), { method: 'DELETE', token })).body).toEqual({
      success: true,
    });
    const after = await call(graph(world, 'me?fields=id'), { token });
    expect(after.status).toBe(400);
    expect(after.body.error).toMatchObject({
      code: 190,
      type: 'OAuthException',
      fbtrace_id: expect.any(String),
    });
    // Connecting again gives a token that works.
    const fresh = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    expect((await call(graph(world, 'me?fields=id'), { token: fresh })).body).toEqual({ id: PAGE });
  });
});

describe('X OAuth 2 with PKCE', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  const authorizeUrl = (challenge: string) =>
    `${world.url}/x/web/i/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: CREDS.xClientId,
      redirect_uri: REDIRECT,
      scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
      state: 'xs-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })}`;
  const token = (form: Record<string, string>, auth = basic(CREDS.xClientId, CREDS.xClientSecret)) =>
    call(`${world.url}/x/api/2/oauth2/token`, { form, headers: { authorization: auth } });

  async function authorize(challenge: string) {
    const { location } = await consent(authorizeUrl(challenge), 'allow', [X_USER]);
    expect(location.searchParams.get('state')).toBe('xs-1');
    return location.searchParams.get('code') ?? '';
  }

  it('exchanges a code with the right verifier and Basic client auth, once', async () => {
    const { verifier, challenge } = pkcePair();
    const page = await call(authorizeUrl(challenge));
    expect([...page.text.matchAll(/<input type="radio" id="([^"]+)"/g)]).toHaveLength(2);
    const code = await authorize(challenge);
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: CREDS.xClientId,
    };

    expect((await token(form, basic(CREDS.xClientId, 'wrong'))).status).toBe(401);
    const wrongVerifier = await token({ ...form, code_verifier: pkcePair().verifier });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body.error).toBe('invalid_request');
    expect((await token({ ...form, redirect_uri: 'https://other.example/cb' })).status).toBe(400);

    const ok = await token(form);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      token_type: 'bearer',
      expires_in: 7200,
      access_token: expect.any(String),
      scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
      refresh_token: expect.any(String),
    });
    expect((await token(form)).status).toBe(400);

    const me = await call(`${world.url}/x/api/2/users/me`, { token: ok.body.access_token });
    expect(me.body).toEqual({ data: { id: X_USER, name: 'Acme Coffee', username: 'acmecoffee' } });
    expect(me.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
  });

  it('refresh tokens are single use; revoke kills the grant', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorize(challenge);
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    expect(reused.status).toBe(400);
    expect((await call(`${world.url}/x/api/2/users/me`, { token: refreshed.body.access_token })).status).toBe(
      200,
    );

    const revoke = await call(`${world.url}/x/api/2/oauth2/revoke`, {
      form: { token: refreshed.body.access_token },
      headers: { authorization: basic(CREDS.xClientId, CREDS.xClientSecret) },
    });
    expect(revoke.body).toEqual({ revoked: true });
    const after = await call(`${world.url}/x/api/2/users/me`, { token: refreshed.body.access_token });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({
      title: 'Unauthorized',
      detail: 'Unauthorized',
      type: 'about:blank',
      status: 401,
    });
    expect(after.headers.get('x-rate-limit-limit')).not.toBeNull();
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token })).status,
    ).toBe(400);
  });

  it('X access tokens expire after two hours', async () => {
    let now = Date.now();
    const local = await startWorld({ now: () => now });
    try {
      const grant = local.sandbox.sandbox.issueGrant('x', X_USER);
      expect(grant.expiresAt).toBe(now + 7_200_000);
      expect((await call(`${local.url}/x/api/2/users/me`, { token: grant.accessToken })).status).toBe(200);
      now += 7_200_001;
      expect((await call(`${local.url}/x/api/2/users/me`, { token: grant.accessToken })).status).toBe(401);
      const refreshed = await call(`${local.url}/x/api/2/oauth2/token`, {
        form: { grant_type: 'refresh_token', refresh_token: grant.refreshToken ?? '' },
        headers: { authorization: basic(CREDS.xClientId, CREDS.xClientSecret) },
      });
      expect(
        (await call(`${local.url}/x/api/2/users/me`, { token: refreshed.body.access_token })).status,
      ).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('Cancel redirects with error=access_denied', async () => {
    const { location } = await consent(authorizeUrl(pkcePair().challenge), 'cancel');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xs-1');
  });
});
