import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  customerWrites,
  graph,
  IG,
  PAGE,
  PHONE,
  startWorld,
  type World,
  X_USER,
} from './helpers/setup.ts';

const DAY_H = 24;

describe('the 24-hour window and the other send rules', () => {
  let world: World;
  const tokens = { facebook: '', instagram: '', whatsapp: '', x: '' };
  beforeAll(async () => {
    world = await startWorld();
    for (const [p, id] of [
      ['facebook', PAGE],
      ['instagram', IG],
      ['whatsapp', PHONE],
      ['x', X_USER],
    ] as const)
      tokens[p] = world.sandbox.sandbox.issueGrant(p, id).accessToken;
  });
  afterAll(() => world.close());

  const dm = (accountId: string, token: string, psid: string, extra: Record<string, unknown> = {}) =>
    call(graph(world, `${accountId}/messages`), {
      token,
      json: { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'Hello' }, ...extra },
    });
  const wa = (to: string, body: Record<string, unknown>) =>
    call(graph(world, `${PHONE}/messages`), {
      token: tokens.whatsapp,
      json: { messaging_product: 'whatsapp', to, ...body },
    });
  const template = (to: string, name: string, params: string[], language = 'en_US') =>
    wa(to, {
      type: 'template',
      template: {
        name,
        language: { code: language },
        components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }],
      },
    });

  it('Messenger: RESPONSE inside 24 h, 10/2018278 outside; HUMAN_AGENT up to 7 days', async () => {
    await customerWrites(world, 'facebook', PAGE, '8001', 'recent', 2);
    expect((await dm(PAGE, tokens.facebook, '8001')).status).toBe(200);

    await customerWrites(world, 'facebook', PAGE, '8002', 'older', DAY_H + 1);
    const closed = await dm(PAGE, tokens.facebook, '8002');
    expect(closed.status).toBe(400);
    expect(closed.body.error).toMatchObject({ code: 10, error_subcode: 2018278, type: 'OAuthException' });
    const agent = await dm(PAGE, tokens.facebook, '8002', {
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(agent.status).toBe(200);
    const thread = await call(
      `${world.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=8002`,
    );
    expect(thread.body.messages.at(-1)).toMatchObject({
      direction: 'out',
      kind: 'message',
      tag: 'HUMAN_AGENT',
    });

    await customerWrites(world, 'facebook', PAGE, '8003', 'long ago', 8 * DAY_H);
    const tooOld = await dm(PAGE, tokens.facebook, '8003', {
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(tooOld.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it('Instagram follows the same window; messaging_type may be omitted', async () => {
    await customerWrites(world, 'instagram', IG, '9001', 'hi', DAY_H + 2);
    const res = await call(graph(world, `${IG}/messages`), {
      token: tokens.instagram,
      json: { recipient: { id: '9001' }, message: { text: 'Hello' } },
    });
    expect(res.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const tagged = await call(graph(world, `${IG}/messages`), {
      token: tokens.instagram,
      json: {
        recipient: { id: '9001' },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: { text: 'Hello' },
      },
    });
    expect(tagged.status).toBe(200);
    const wrongTag = await call(graph(world, `${IG}/messages`), {
      token: tokens.instagram,
      json: {
        recipient: { id: '9001' },
        messaging_type: 'MESSAGE_TAG',
        tag: 'ACCOUNT_UPDATE',
        message: { text: 'x' },
      },
    });
    expect(wrongTag.body.error.code).toBe(100);
  });

  it('a customer who never wrote cannot be messaged (100 / 2018001); bad bodies are error 100', async () => {
    const res = await dm(PAGE, tokens.facebook, '404404');
    expect(res.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
    await customerWrites(world, 'facebook', PAGE, '8100');
    const noType = await call(graph(world, `${PAGE}/messages`), {
      token: tokens.facebook,
      json: { recipient: { id: '8100' }, message: { text: 'Hi' } },
    });
    expect(noType.body.error.code).toBe(100);
    const tooLong = await dm(PAGE, tokens.facebook, '8100', { message: { text: 'x'.repeat(2001) } });
    expect(tooLong.body.error.code).toBe(100);
    const unknownObject = await call(graph(world, '999/messages'), { token: tokens.facebook, json: {} });
    expect(unknownObject.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    // Graph also takes the token as ?access_token= and form bodies with JSON-encoded objects.
    const form = await call(graph(world, `${PAGE}/messages?access_token=${tokens.facebook}`), {
      form: {
        recipient: JSON.stringify({ id: '8100' }),
        messaging_type: 'RESPONSE',
        message: JSON.stringify({ text: 'form' }),
      },
    });
    expect(form.status).toBe(200);
    // Older Graph versions are served; versions after the sandbox's are not.
    const older = await call(`${world.url}/meta/graph/v19.0/me?fields=id`, { token: tokens.facebook });
    expect(older.body).toEqual({ id: PAGE });
    const future = await call(`${world.url}/meta/graph/v99.0/me?fields=id`, { token: tokens.facebook });
    expect(future.body.error.code).toBe(2500);
  });

  it('one private reply per comment, within 7 days of the comment; it does not open the window', async () => {
    for (const [platform, accountId] of [
      ['facebook', PAGE],
      ['instagram', IG],
    ] as const) {
      const token = tokens[platform];
      const c = await call(`${world.url}/control/comments`, {
        json: { platform, accountId, customer: { id: '7100', name: 'Jo' }, text: 'Price?' },
      });
      const reply = (commentId: string) =>
        call(graph(world, `${accountId}/messages`), {
          token,
          json: { recipient: { comment_id: commentId }, message: { text: 'Sent you the prices' } },
        });
      const first = await reply(c.body.commentId);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ recipient_id: '7100', message_id: expect.any(String) });
      const second = await reply(c.body.commentId);
      expect(second.body.error).toMatchObject({ code: 10, error_subcode: 2018108 });
      // A private reply does not let the Page message the person afterwards.
      expect((await dm(accountId, token, '7100')).body.error.code).toBe(100);

      const old = await call(`${world.url}/control/comments`, {
        json: {
          platform,
          accountId,
          customer: { id: '7101' },
          text: 'Old one',
          at: new Date(Date.now() - 8 * 86_400_000).toISOString(),
        },
      });
      expect((await reply(old.body.commentId)).body.error).toMatchObject({
        code: 10,
        error_subcode: 2018109,
      });
      const thread = await call(
        `${world.url}/control/threads?platform=${platform}&accountId=${accountId}&customerId=7100`,
      );
      expect(thread.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['comment', 'private_reply']);
    }
  });

  it('Instagram public replies go to /{comment}/replies', async () => {
    const c = await call(`${world.url}/control/comments`, {
      json: { platform: 'instagram', accountId: IG, customer: { id: '7200', username: 'sam' }, text: 'Nice' },
    });
    const reply = await call(graph(world, `${c.body.commentId}/replies`), {
      token: tokens.instagram,
      json: { message: 'Thanks Sam' },
    });
    expect(reply.body).toEqual({ id: expect.any(String) });
    const onFacebookEdge = await call(graph(world, `${c.body.commentId}/comments`), {
      token: tokens.instagram,
      json: { message: 'x' },
    });
    expect(onFacebookEdge.body.error.code).toBe(100);
    const sent = await call(`${world.url}/control/sent?limit=10000`);
    expect(sent.body.messages.at(-1)).toMatchObject({
      kind: 'comment_reply',
      text: 'Thanks Sam',
      customerId: '7200',
      replyTo: c.body.commentId,
    });
  });

  it('WhatsApp: free text needs the window (131047); approved templates always pass, with their parameters', async () => {
    const fresh = await wa('14155550100', { type: 'text', text: { body: 'Hi' } });
    expect(fresh.body.error).toMatchObject({ code: 131047, error_data: { messaging_product: 'whatsapp' } });
    await customerWrites(world, 'whatsapp', PHONE, '14155550101', 'hey', DAY_H + 1);
    expect((await wa('14155550101', { type: 'text', text: { body: 'Hi' } })).body.error.code).toBe(131047);
    await customerWrites(world, 'whatsapp', PHONE, '14155550102', 'hey', 1);
    expect((await wa('14155550102', { type: 'text', text: { body: 'Hi' } })).status).toBe(200);

    const ok = await template('14155550100', 'order_update', ['Jane', '#1234']);
    expect(ok.status).toBe(200);
    expect(ok.body.messages[0]).toEqual({
      id: expect.stringMatching(/^wamid\./),
      message_status: 'accepted',
    });
    const thread = await call(
      `${world.url}/control/threads?platform=whatsapp&accountId=${PHONE}&customerId=14155550100`,
    );
    expect(thread.body.messages[0]).toMatchObject({
      kind: 'template',
      text: 'Hi Jane, your order #1234 has an update.',
      template: { name: 'order_update', language: 'en_US', parameters: ['Jane', '#1234'] },
    });
    expect((await template('14155550100', 'order_update', ['Jane'])).body.error.code).toBe(132000);
    expect((await template('14155550100', 'promo_spring', ['Jane', '20%'])).body.error.code).toBe(132001);
    expect((await template('14155550100', 'nope', [])).body.error.code).toBe(132001);
    expect((await template('14155550100', 'order_update', ['a', 'b'], 'fr_FR')).body.error.code).toBe(132001);
  });

  it('WhatsApp templates: listed, and a new one is created PENDING', async () => {
    const list = await call(graph(world, '102290129340398/message_templates'), { token: tokens.whatsapp });
    expect(list.body.data).toContainEqual(
      expect.objectContaining({
        name: 'follow_up',
        language: 'en_US',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [
          {
            type: 'BODY',
            text: "Hi {{1}}, we're following up on your message. Reply to continue the conversation.",
          },
        ],
      }),
    );
    const created = await call(graph(world, '102290129340398/message_templates'), {
      token: tokens.whatsapp,
      json: {
        name: 'back_in_stock',
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Hi {{1}}, it is back.' }],
      },
    });
    expect(created.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'MARKETING' });
    expect((await template('14155550100', 'back_in_stock', ['Jane'])).body.error.code).toBe(132001);
  });

  it('X: DMs only to people who wrote or mentioned the account; replies need an existing post', async () => {
    const stranger = await call(`${world.url}/x/api/2/dm_conversations/with/123456/messages`, {
      token: tokens.x,
      json: { text: 'Hi' },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({
      title: 'Forbidden',
      status: 403,
      type: expect.any(String),
      detail: expect.any(String),
    });
    const missing = await call(`${world.url}/x/api/2/tweets`, {
      token: tokens.x,
      json: { text: 'reply', reply: { in_reply_to_tweet_id: '1' } },
    });
    expect(missing.status).toBe(403);
    const empty = await call(`${world.url}/x/api/2/tweets`, { token: tokens.x, json: { text: '' } });
    expect(empty.status).toBe(400);
  });

  it('/control/sent lists what businesses sent, oldest first, with metadata and acceptedAt', async () => {
    const since = new Date().toISOString();
    await customerWrites(world, 'facebook', PAGE, '8200');
    await dm(PAGE, tokens.facebook, '8200', { message: { text: 'one', metadata: 'm-1' } });
    await customerWrites(world, 'whatsapp', PHONE, '14155550200');
    await wa('14155550200', { type: 'text', text: { body: 'two' }, biz_opaque_callback_data: 'm-2' });
    const sent = await call(`${world.url}/control/sent?since=${encodeURIComponent(since)}`);
    expect(sent.body.messages.map((m: { text: string }) => m.text)).toEqual(['one', 'two']);
    expect(sent.body.messages[0]).toMatchObject({
      platform: 'facebook',
      accountId: PAGE,
      customerId: '8200',
      metadata: 'm-1',
    });
    expect(sent.body.messages[1]).toMatchObject({ platform: 'whatsapp', biz_opaque_callback_data: 'm-2' });
    expect(Date.parse(sent.body.messages[1].acceptedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    const one = await call(`${world.url}/control/sent?since=${encodeURIComponent(since)}&limit=1`);
    expect(one.body.messages).toHaveLength(1);
  });
});
