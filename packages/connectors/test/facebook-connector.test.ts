import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AccountRef, ConnectorError, createFacebookConnector } from '../src/index.ts';
import { type FakePlatform, graphErrorReply, startFakePlatform } from './helpers/fake-platform.ts';
import { rejectionOf } from './helpers/fixtures.ts';

const G = '/graph/v21.0';
const page: AccountRef = { accountId: 'page-1', extra: {}, credentials: { accessToken: 'page-token-1' } };

describe('Facebook connector', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  it('builds the Facebook Login dialog URL with the Page scopes', () => {
    const url = new URL(
      createFacebookConnector(fake.context()).authorizeUrl({
        state: 'st-1',
        redirectUri: 'https://inbox.example/oauth/facebook',
        codeChallenge: 'ignored',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.url}/fbweb/v21.0/dialog/oauth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-123',
      redirect_uri: 'https://inbox.example/oauth/facebook',
      state: 'st-1',
      response_type: 'code',
      scope: 'pages_messaging,pages_manage_metadata,pages_read_engagement,pages_manage_engagement',
    });
  });

  it('exchanges the code, then returns one account per Page with its own Page token', async () => {
    fake.routes.set(`GET ${G}/oauth/access_token`, {
      json: { access_token: 'user-token', token_type: 'bearer', expires_in: 5183944 },
    });
    fake.routes.set(`GET ${G}/me/accounts`, {
      json: {
        data: [
          { id: 'page-1', name: 'Bakery', access_token: 'page-token-1' },
          {
            id: 'page-2',
            name: 'Bakery Outlet',
            access_token: 'page-token-2',
            instagram_business_account: { id: 'ig-1', username: 'bakery' },
          },
          { id: 'page-3', name: 'No task on this Page' },
        ],
      },
    });
    const accounts = await createFacebookConnector(fake.context()).exchangeCode({
      code: 'code-abc',
      redirectUri: 'https://inbox.example/oauth/facebook',
      codeVerifier: 'unused',
    });

    expect(fake.calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', `${G}/oauth/access_token`],
      ['GET', `${G}/me/accounts`],
    ]);
    expect(fake.calls[0]?.query).toEqual({
      client_id: 'app-123',
      redirect_uri: 'https://inbox.example/oauth/facebook',
      client_secret: 'meta-app-secret-xyz',
      code: 'code-abc',
    });
    expect(fake.calls[0]?.headers.authorization).toBeUndefined();
    expect(fake.calls[1]?.query).toEqual({
      fields: 'id,name,access_token,instagram_business_account{id,username,name}',
    });
    expect(fake.calls[1]?.headers.authorization).toBe('Bearer user-token');
    expect(accounts).toEqual([
      {
        platform: 'facebook',
        accountId: 'page-1',
        name: 'Bakery',
        extra: {},
        credentials: { accessToken: 'page-token-1' },
      },
      {
        platform: 'facebook',
        accountId: 'page-2',
        name: 'Bakery Outlet',
        extra: {},
        credentials: { accessToken: 'page-token-2' },
      },
    ]);
  });

  it('follows paging cursors when a person granted many Pages', async () => {
    fake.routes.set(`GET ${G}/oauth/access_token`, { json: { access_token: 'user-token' } });
    fake.routes.set(`GET ${G}/me/accounts`, (call) =>
      call.query.after === 'cur-1'
        ? { json: { data: [{ id: 'page-2', name: 'Two', access_token: 't2' }] } }
        : {
            json: {
              data: [{ id: 'page-1', name: 'One', access_token: 't1' }],
              paging: { cursors: { after: 'cur-1' }, next: 'https://graph.facebook.com/...' },
            },
          },
    );
    const accounts = await createFacebookConnector(fake.context()).exchangeCode({
      code: 'c',
      redirectUri: 'https://r',
      codeVerifier: '',
    });
    expect(accounts.map((a) => a.accountId)).toEqual(['page-1', 'page-2']);
  });

  it('subscribes the Page to Messenger and feed fields with the Page token', async () => {
    fake.routes.set(`POST ${G}/page-1/subscribed_apps`, { json: { success: true } });
    await createFacebookConnector(fake.context()).subscribe(page);
    const [call] = fake.calls;
    expect(call?.query).toEqual({
      subscribed_fields: 'messages,messaging_postbacks,message_echoes,message_deliveries,message_reads,feed',
    });
    expect(call?.headers.authorization).toBe('Bearer page-token-1');
  });

  it('disconnects by unsubscribing then revoking, and treats an already revoked token as done', async () => {
    const connector = createFacebookConnector(fake.context());
    fake.routes.set(`DELETE ${G}/page-1/subscribed_apps`, { json: { success: true } });
    fake.routes.set(`DELETE ${G}/me/permissions`, { json: { success: true } });
    await connector.disconnect(page);
    expect(fake.calls.map((c) => [c.method, c.path, c.headers.authorization])).toEqual([
      ['DELETE', `${G}/page-1/subscribed_apps`, 'Bearer page-token-1'],
      ['DELETE', `${G}/me/permissions`, 'Bearer page-token-1'],
    ]);

    fake.routes.set(`DELETE ${G}/page-1/subscribed_apps`, graphErrorReply(190, 460));
    fake.routes.set(`DELETE ${G}/me/permissions`, graphErrorReply(190));
    await expect(connector.disconnect(page)).resolves.toBeUndefined();

    fake.routes.set(`DELETE ${G}/page-1/subscribed_apps`, { status: 503, json: 'down' });
    expect(await rejectionOf(connector.disconnect(page))).toMatchObject({ kind: 'temporary' });
  });

  it('checks health with GET /me?fields=id', async () => {
    fake.routes.set(`GET ${G}/me`, { json: { id: 'page-1' } });
    await createFacebookConnector(fake.context()).checkHealth(page);
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: `${G}/me`, query: { fields: 'id' } });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer page-token-1');
  });

  describe('send', () => {
    beforeEach(() => {
      fake.routes.set(`POST ${G}/page-1/messages`, {
        json: { recipient_id: 'psid-1', message_id: 'm_out_1' },
      });
      fake.routes.set(`POST ${G}/cmt-9/comments`, { json: { id: 'cmt-10' } });
    });

    it('sends a DM inside the window as RESPONSE', async () => {
      const result = await createFacebookConnector(fake.context()).send(page, {
        kind: 'dm',
        recipientId: 'psid-1',
        text: 'Hello!',
      });
      expect(result).toEqual({ platformMessageId: 'm_out_1' });
      expect(fake.calls[0]).toMatchObject({ method: 'POST', path: `${G}/page-1/messages`, query: {} });
      expect(fake.calls[0]?.headers.authorization).toBe('Bearer page-token-1');
      expect(fake.calls[0]?.headers['content-type']).toBe('application/json');
      expect(fake.calls[0]?.body).toEqual({
        recipient: { id: 'psid-1' },
        messaging_type: 'RESPONSE',
        message: { text: 'Hello!' },
      });
    });

    it('tags an agent reply outside the window with HUMAN_AGENT and carries metadata', async () => {
      await createFacebookConnector(fake.context()).send(page, {
        kind: 'dm',
        recipientId: 'psid-1',
        text: 'Sorry for the wait',
        tag: 'HUMAN_AGENT',
        metadata: 'msg_123',
      });
      expect(fake.calls[0]?.body).toEqual({
        recipient: { id: 'psid-1' },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: { text: 'Sorry for the wait', metadata: 'msg_123' },
      });
    });

    it('sends a private reply to the comment author', async () => {
      const result = await createFacebookConnector(fake.context()).send(page, {
        kind: 'private_reply',
        commentId: 'cmt-9',
        text: 'Sent you the details',
        metadata: 'msg_9',
      });
      expect(result).toEqual({ platformMessageId: 'm_out_1' });
      expect(fake.calls[0]?.body).toEqual({
        recipient: { comment_id: 'cmt-9' },
        message: { text: 'Sent you the details', metadata: 'msg_9' },
      });
    });

    it('replies publicly under the comment', async () => {
      const result = await createFacebookConnector(fake.context()).send(page, {
        kind: 'comment_reply',
        commentId: 'cmt-9',
        text: 'Thank you!',
      });
      expect(result).toEqual({ platformMessageId: 'cmt-10' });
      expect(fake.calls[0]).toMatchObject({
        method: 'POST',
        path: `${G}/cmt-9/comments`,
        body: { message: 'Thank you!' },
      });
    });

    it('refuses templates without calling Graph', async () => {
      const err = await rejectionOf(
        createFacebookConnector(fake.context()).send(page, {
          kind: 'template',
          recipientId: 'psid-1',
          name: 'hello',
          language: 'en',
          parameters: [],
        }),
      );
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ kind: 'permanent' });
      expect(fake.calls).toEqual([]);
    });
  });
});
