import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AccountRef, createXConnector } from '../src/index.ts';
import { type FakePlatform, startFakePlatform } from './helpers/fake-platform.ts';
import { rejectionOf } from './helpers/fixtures.ts';

const X = '/xapi/2';
const BASIC = `Basic ${Buffer.from('x-client-id:x-client-secret-xyz').toString('base64')}`;
const account: AccountRef = {
  accountId: '4337869213',
  extra: {},
  credentials: { accessToken: 'x-access-1', refreshToken: 'x-refresh-1', expiresAt: Date.now() + 60_000 },
};

describe('X connector', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  it('builds the OAuth 2 authorize URL with PKCE S256', () => {
    const url = new URL(
      createXConnector(fake.context()).authorizeUrl({
        state: 'st-9',
        redirectUri: 'https://inbox.example/oauth/x',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/xweb/i/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'x-client-id',
      redirect_uri: 'https://inbox.example/oauth/x',
      scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
      state: 'st-9',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the verifier, then names the account from /2/users/me', async () => {
    fake.routes.set(`POST ${X}/oauth2/token`, {
      json: {
        token_type: 'bearer',
        access_token: 'x-access-1',
        refresh_token: 'x-refresh-1',
        expires_in: 7200,
        scope: 'dm.read',
      },
    });
    fake.routes.set(`GET ${X}/users/me`, {
      json: { data: { id: '4337869213', name: 'Harrison Test', username: 'Harris_0ff' } },
    });
    const before = Date.now();
    const [granted, ...rest] = await createXConnector(fake.context()).exchangeCode({
      code: 'code-x',
      redirectUri: 'https://inbox.example/oauth/x',
      codeVerifier: 'verifier-123',
    });

    expect(rest).toEqual([]);
    expect(fake.calls[0]).toMatchObject({ method: 'POST', path: `${X}/oauth2/token`, query: {} });
    expect(fake.calls[0]?.headers.authorization).toBe(BASIC);
    expect(fake.calls[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(fake.calls[0]?.body).toEqual({
      grant_type: 'authorization_code',
      code: 'code-x',
      redirect_uri: 'https://inbox.example/oauth/x',
      code_verifier: 'verifier-123',
      client_id: 'x-client-id',
    });
    expect(fake.calls[1]).toMatchObject({ method: 'GET', path: `${X}/users/me` });
    expect(fake.calls[1]?.headers.authorization).toBe('Bearer x-access-1');
    expect(granted).toMatchObject({
      platform: 'x',
      accountId: '4337869213',
      name: 'Harrison Test',
      username: 'Harris_0ff',
      extra: {},
      credentials: { accessToken: 'x-access-1', refreshToken: 'x-refresh-1' },
    });
    expect(granted?.credentials.expiresAt).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(granted?.credentials.expiresAt).toBeLessThanOrEqual(Date.now() + 7_200_000);
  });

  it('refreshes with the refresh token, and reports a dead refresh token as auth_revoked', async () => {
    fake.routes.set(`POST ${X}/oauth2/token`, {
      json: {
        token_type: 'bearer',
        access_token: 'x-access-2',
        refresh_token: 'x-refresh-2',
        expires_in: 7200,
      },
    });
    const connector = createXConnector(fake.context());
    const fresh = await connector.refreshCredentials?.(account);
    expect(fake.calls[0]?.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'x-refresh-1' });
    expect(fake.calls[0]?.headers.authorization).toBe(BASIC);
    expect(fresh).toMatchObject({ accessToken: 'x-access-2', refreshToken: 'x-refresh-2' });

    fake.routes.set(`POST ${X}/oauth2/token`, {
      status: 400,
      json: { error: 'invalid_grant', error_description: 'Value passed for the token was invalid.' },
    });
    const err = await rejectionOf(connector.refreshCredentials?.(account) ?? Promise.resolve());
    expect(err).toMatchObject({ kind: 'auth_revoked', platformCode: 'invalid_grant' });
    expect(String((err as Error).message)).not.toContain('x-refresh-1');
  });

  it('subscribes to the deployment webhook, and disconnects by unsubscribing and revoking both tokens', async () => {
    fake.routes.set(`POST ${X}/account_activity/webhooks/wh-777/subscriptions/all`, {
      json: { data: { subscribed: true } },
    });
    fake.routes.set(`DELETE ${X}/account_activity/webhooks/wh-777/subscriptions/4337869213/all`, {
      status: 204,
    });
    fake.routes.set(`POST ${X}/oauth2/revoke`, { json: { revoked: true } });
    const connector = createXConnector(fake.context());
    await connector.subscribe(account);
    await connector.disconnect(account);
    expect(fake.calls.map((c) => [c.method, c.path, c.headers.authorization, c.body])).toEqual([
      ['POST', `${X}/account_activity/webhooks/wh-777/subscriptions/all`, 'Bearer x-access-1', undefined],
      [
        'DELETE',
        `${X}/account_activity/webhooks/wh-777/subscriptions/4337869213/all`,
        'Bearer x-access-1',
        undefined,
      ],
      ['POST', `${X}/oauth2/revoke`, BASIC, { token: 'x-access-1' }],
      ['POST', `${X}/oauth2/revoke`, BASIC, { token: 'x-refresh-1' }],
    ]);
  });

  it('treats an already revoked token as a finished disconnect', async () => {
    fake.routes.set(`DELETE ${X}/account_activity/webhooks/wh-777/subscriptions/4337869213/all`, {
      status: 401,
      json: { title: 'Unauthorized', status: 401, detail: 'Unauthorized', type: 'about:blank' },
    });
    fake.routes.set(`POST ${X}/oauth2/revoke`, { json: { revoked: true } });
    await expect(createXConnector(fake.context()).disconnect(account)).resolves.toBeUndefined();
  });

  it('checks health with GET /2/users/me', async () => {
    fake.routes.set(`GET ${X}/users/me`, { json: { data: { id: '4337869213', name: 'H', username: 'h' } } });
    await createXConnector(fake.context()).checkHealth(account);
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer x-access-1');
  });

  it('sends DMs to the participant and replies to a mention as a reply post', async () => {
    fake.routes.set(`POST ${X}/dm_conversations/with/3001969357/messages`, {
      status: 201,
      json: { data: { dm_conversation_id: '3001969357-4337869213', dm_event_id: '1580705921830768642' } },
    });
    fake.routes.set(`POST ${X}/tweets`, {
      status: 201,
      json: { data: { id: '1445880548472328192', text: 'Hi' } },
    });
    const connector = createXConnector(fake.context());
    expect(
      await connector.send(account, {
        kind: 'dm',
        recipientId: '3001969357',
        text: 'Hello!',
        metadata: 'ignored',
      }),
    ).toEqual({ platformMessageId: '1580705921830768642' });
    expect(
      await connector.send(account, { kind: 'comment_reply', commentId: '1924471386361598213', text: 'Hi' }),
    ).toEqual({
      platformMessageId: '1445880548472328192',
    });
    expect(fake.calls.map((c) => [c.method, c.path, c.headers.authorization, c.body])).toEqual([
      ['POST', `${X}/dm_conversations/with/3001969357/messages`, 'Bearer x-access-1', { text: 'Hello!' }],
      [
        'POST',
        `${X}/tweets`,
        'Bearer x-access-1',
        { text: 'Hi', reply: { in_reply_to_tweet_id: '1924471386361598213' } },
      ],
    ]);
  });

  it('refuses private replies and templates without calling X', async () => {
    const connector = createXConnector(fake.context());
    expect(
      await rejectionOf(connector.send(account, { kind: 'private_reply', commentId: 'c', text: 't' })),
    ).toMatchObject({
      kind: 'permanent',
    });
    expect(
      await rejectionOf(
        connector.send(account, {
          kind: 'template',
          recipientId: 'r',
          name: 'n',
          language: 'en',
          parameters: [],
        }),
      ),
    ).toMatchObject({ kind: 'permanent' });
    expect(fake.calls).toEqual([]);
  });
});
