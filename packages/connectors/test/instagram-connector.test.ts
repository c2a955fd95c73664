import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AccountRef, createInstagramConnector, type OutboundRequest } from '../src/index.ts';
import { type FakePlatform, startFakePlatform } from './helpers/fake-platform.ts';
import { rejectionOf } from './helpers/fixtures.ts';

const G = '/graph/v21.0';
const account: AccountRef = {
  accountId: 'ig-1',
  extra: { pageId: 'page-2' },
  credentials: { accessToken: 'page-token-2' },
};

describe('Instagram connector', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  it('asks for the Instagram scopes', () => {
    const url = new URL(
      createInstagramConnector(fake.context()).authorizeUrl({
        state: 's',
        redirectUri: 'https://r/ig',
        codeChallenge: '',
      }),
    );
    expect(url.pathname).toBe('/fbweb/v21.0/dialog/oauth');
    expect(url.searchParams.get('scope')).toBe(
      'instagram_basic,instagram_manage_messages,instagram_manage_comments,pages_show_list,pages_messaging',
    );
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('returns one account per linked Instagram account, acting with its Page token', async () => {
    fake.routes.set(`GET ${G}/oauth/access_token`, {
      json: { access_token: 'user-token', token_type: 'bearer' },
    });
    fake.routes.set(`GET ${G}/me/accounts`, {
      json: {
        data: [
          { id: 'page-1', name: 'Bakery', access_token: 'page-token-1' },
          {
            id: 'page-2',
            name: 'Bakery Outlet',
            access_token: 'page-token-2',
            instagram_business_account: { id: 'ig-1', username: 'bakery', name: 'The Bakery' },
          },
        ],
      },
    });
    const accounts = await createInstagramConnector(fake.context()).exchangeCode({
      code: 'c1',
      redirectUri: 'https://r/ig',
      codeVerifier: '',
    });
    expect(fake.calls[0]?.query).toMatchObject({ code: 'c1', redirect_uri: 'https://r/ig' });
    expect(fake.calls[1]?.headers.authorization).toBe('Bearer user-token');
    expect(accounts).toEqual([
      {
        platform: 'instagram',
        accountId: 'ig-1',
        name: 'The Bakery',
        username: 'bakery',
        extra: { pageId: 'page-2' },
        credentials: { accessToken: 'page-token-2' },
      },
    ]);
  });

  it('subscribes and disconnects through the linked Page', async () => {
    fake.routes.set(`POST ${G}/page-2/subscribed_apps`, { json: { success: true } });
    fake.routes.set(`DELETE ${G}/page-2/subscribed_apps`, { json: { success: true } });
    fake.routes.set(`DELETE ${G}/me/permissions`, { json: { success: true } });
    const connector = createInstagramConnector(fake.context());
    await connector.subscribe(account);
    await connector.disconnect(account);
    expect(fake.calls.map((c) => [c.method, c.path, c.query, c.headers.authorization])).toEqual([
      [
        'POST',
        `${G}/page-2/subscribed_apps`,
        { subscribed_fields: 'messages,comments' },
        'Bearer page-token-2',
      ],
      ['DELETE', `${G}/page-2/subscribed_apps`, {}, 'Bearer page-token-2'],
      ['DELETE', `${G}/me/permissions`, {}, 'Bearer page-token-2'],
    ]);
  });

  it('checks health with the Page token', async () => {
    fake.routes.set(`GET ${G}/me`, { json: { id: 'page-2' } });
    await createInstagramConnector(fake.context()).checkHealth(account);
    expect(fake.calls[0]).toMatchObject({ path: `${G}/me`, query: { fields: 'id' } });
  });

  it('sends DMs and private replies from the Instagram account, public replies under the comment', async () => {
    fake.routes.set(`POST ${G}/ig-1/messages`, { json: { recipient_id: 'igsid-1', message_id: 'ig_m_1' } });
    fake.routes.set(`POST ${G}/ig-cmt-1/replies`, { json: { id: 'ig-cmt-2' } });
    const connector = createInstagramConnector(fake.context());

    expect(
      await connector.send(account, { kind: 'dm', recipientId: 'igsid-1', text: 'Hi', metadata: 'msg_1' }),
    ).toEqual({
      platformMessageId: 'ig_m_1',
    });
    await connector.send(account, { kind: 'dm', recipientId: 'igsid-1', text: 'Late', tag: 'HUMAN_AGENT' });
    await connector.send(account, { kind: 'private_reply', commentId: 'ig-cmt-1', text: 'DM sent' });
    expect(
      await connector.send(account, { kind: 'comment_reply', commentId: 'ig-cmt-1', text: 'Thanks!' }),
    ).toEqual({
      platformMessageId: 'ig-cmt-2',
    });

    expect(fake.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      [
        'POST',
        `${G}/ig-1/messages`,
        {
          recipient: { id: 'igsid-1' },
          messaging_type: 'RESPONSE',
          message: { text: 'Hi', metadata: 'msg_1' },
        },
      ],
      [
        'POST',
        `${G}/ig-1/messages`,
        {
          recipient: { id: 'igsid-1' },
          messaging_type: 'MESSAGE_TAG',
          tag: 'HUMAN_AGENT',
          message: { text: 'Late' },
        },
      ],
      ['POST', `${G}/ig-1/messages`, { recipient: { comment_id: 'ig-cmt-1' }, message: { text: 'DM sent' } }],
      ['POST', `${G}/ig-cmt-1/replies`, { message: 'Thanks!' }],
    ]);
    expect(fake.calls.every((c) => c.headers.authorization === 'Bearer page-token-2')).toBe(true);
  });

  it('refuses templates, and accounts without a linked Page id', async () => {
    const connector = createInstagramConnector(fake.context());
    const template: OutboundRequest = {
      kind: 'template',
      recipientId: 'x',
      name: 'n',
      language: 'en',
      parameters: [],
    };
    expect(await rejectionOf(connector.send(account, template))).toMatchObject({ kind: 'permanent' });
    expect(await rejectionOf(connector.subscribe({ ...account, extra: {} }))).toMatchObject({
      kind: 'permanent',
    });
    expect(fake.calls).toEqual([]);
  });
});
