import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDS,
  call,
  customerWrites,
  graph,
  IG,
  PAGE,
  PHONE,
  startWorld,
  WABA,
  type World,
  X_USER,
} from './helpers/setup.ts';

const anyString = expect.any(String);
const anyNumber = expect.any(Number);

describe('webhook payload shapes (platform-contracts.md §2–§5)', () => {
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

  const last = (path: string) => world.receiver.posts(path).at(-1)?.json;

  it('Messenger: customer message, echo with app_id and metadata, delivery, read', async () => {
    const psid = '24000000000001';
    const inbound = await customerWrites(world, 'facebook', PAGE, psid, 'hello, world!');
    expect(last('/webhooks/facebook')).toEqual({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: anyNumber,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: PAGE },
              timestamp: anyNumber,
              message: { mid: inbound.body.eventId, text: 'hello, world!' },
            },
          ],
        },
      ],
    });
    expect(inbound.body.eventId).toMatch(/^m_/);

    const sent = await call(graph(world, `${PAGE}/messages`), {
      token: tokens.facebook,
      json: {
        recipient: { id: psid },
        messaging_type: 'RESPONSE',
        message: { text: 'Hi Jane', metadata: 'rf:msg-1' },
      },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ recipient_id: psid, message_id: expect.stringMatching(/^m_/) });
    const echo = await world.receiver.waitFor(
      (r) => r.json?.entry?.[0]?.messaging?.[0]?.message?.is_echo === true,
    );
    expect(echo.json.entry[0].messaging[0]).toEqual({
      sender: { id: PAGE },
      recipient: { id: psid },
      timestamp: anyNumber,
      message: {
        is_echo: true,
        app_id: Number(CREDS.metaAppId),
        metadata: 'rf:msg-1',
        mid: sent.body.message_id,
        text: 'Hi Jane',
      },
    });
    const delivery = await world.receiver.waitFor(
      (r) => r.json?.entry?.[0]?.messaging?.[0]?.delivery !== undefined,
    );
    expect(delivery.json.entry[0].messaging[0]).toEqual({
      sender: { id: psid },
      recipient: { id: PAGE },
      delivery: { mids: [sent.body.message_id], watermark: anyNumber },
    });

    const thread = await call(
      `${world.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=${psid}`,
    );
    expect(
      thread.body.messages.map((m: { direction: string; status: string }) => [m.direction, m.status]),
    ).toEqual([
      ['in', 'delivered'],
      ['out', 'read'],
    ]);
    const read = await world.receiver.waitFor((r) => r.json?.entry?.[0]?.messaging?.[0]?.read !== undefined);
    expect(read.json.entry[0].messaging[0]).toEqual({
      sender: { id: psid },
      recipient: { id: PAGE },
      timestamp: anyNumber,
      read: { watermark: anyNumber },
    });
  });

  it('Facebook feed: a comment as a `feed` change with timestamps in seconds', async () => {
    const res = await call(`${world.url}/control/comments`, {
      json: {
        platform: 'facebook',
        accountId: PAGE,
        customer: { id: '5001', name: 'Jane Doe' },
        text: 'Great post!',
      },
    });
    expect(res.body).toMatchObject({ delivered: true, status: 200, commentId: anyString, postId: anyString });
    const { commentId, postId } = res.body;
    expect(postId.startsWith(`${PAGE}_`)).toBe(true);
    expect(commentId.startsWith(`${postId.split('_')[1]}_`)).toBe(true);
    const hook = await world.receiver.waitFor(
      (r) => r.json?.entry?.[0]?.changes?.[0]?.value?.comment_id === commentId,
    );
    const entry = hook.json.entry[0];
    expect(entry.time).toBeLessThan(1e11);
    expect(entry.changes[0]).toEqual({
      field: 'feed',
      value: {
        item: 'comment',
        verb: 'add',
        comment_id: commentId,
        post_id: postId,
        parent_id: postId,
        from: { id: '5001', name: 'Jane Doe' },
        message: 'Great post!',
        created_time: entry.time,
        post: {
          status_type: anyString,
          is_published: true,
          updated_time: anyString,
          permalink_url: anyString,
          promotion_status: anyString,
          id: postId,
        },
      },
    });

    const reply = await call(graph(world, `${commentId}/comments`), {
      token: tokens.facebook,
      json: { message: 'Thanks!' },
    });
    expect(reply.body).toEqual({ id: anyString });
    // The Page's own reply arrives in the feed too, from the Page.
    const own = await world.receiver.waitFor(
      (r) => r.json?.entry?.[0]?.changes?.[0]?.value?.comment_id === reply.body.id,
    );
    expect(own.json.entry[0].changes[0].value).toMatchObject({
      from: { id: PAGE },
      parent_id: commentId,
      message: 'Thanks!',
    });
  });

  it('Instagram: DM, echo, messaging_seen, and a `comments` change', async () => {
    const igsid = '6100000000000001';
    const inbound = await customerWrites(world, 'instagram', IG, igsid, 'Hi!');
    expect(last('/webhooks/instagram')).toEqual({
      object: 'instagram',
      entry: [
        {
          id: IG,
          time: anyNumber,
          messaging: [
            {
              sender: { id: igsid },
              recipient: { id: IG },
              timestamp: anyNumber,
              message: { mid: inbound.body.eventId, text: 'Hi!' },
            },
          ],
        },
      ],
    });
    const sent = await call(graph(world, `${IG}/messages`), {
      token: tokens.instagram,
      json: { recipient: { id: igsid }, message: { text: 'Hello from Acme' } },
    });
    expect(sent.body).toEqual({ recipient_id: igsid, message_id: anyString });
    const echo = await world.receiver.waitFor(
      (r) => r.path === '/webhooks/instagram' && r.json.entry[0].messaging?.[0]?.message?.is_echo === true,
    );
    expect(echo.json.entry[0].messaging[0]).toMatchObject({
      sender: { id: IG },
      recipient: { id: igsid },
      message: {
        is_echo: true,
        app_id: Number(CREDS.metaAppId),
        mid: sent.body.message_id,
        text: 'Hello from Acme',
      },
    });
    await call(`${world.url}/control/threads?platform=instagram&accountId=${IG}&customerId=${igsid}`);
    const seen = await world.receiver.waitFor(
      (r) => r.path === '/webhooks/instagram' && r.json.entry[0].messaging?.[0]?.read,
    );
    expect(seen.json.entry[0].messaging[0]).toEqual({
      sender: { id: igsid },
      recipient: { id: IG },
      timestamp: anyNumber,
      read: { mid: sent.body.message_id },
    });

    const comment = await call(`${world.url}/control/comments`, {
      json: {
        platform: 'instagram',
        accountId: IG,
        customer: { id: igsid, username: 'jane' },
        text: 'Love it',
      },
    });
    const hook = await world.receiver.waitFor(
      (r) => r.json?.entry?.[0]?.changes?.[0]?.value?.id === comment.body.commentId,
    );
    expect(hook.json).toEqual({
      object: 'instagram',
      entry: [
        {
          id: IG,
          time: anyNumber,
          changes: [
            {
              field: 'comments',
              value: {
                id: comment.body.commentId,
                from: { id: igsid, username: 'jane' },
                text: 'Love it',
                media: { id: comment.body.postId, media_product_type: 'FEED' },
              },
            },
          ],
        },
      ],
    });
  });

  it('WhatsApp: inbound text, then statuses sent → delivered → read echoing biz_opaque_callback_data', async () => {
    const waId = '16505551234';
    const inbound = await customerWrites(world, 'whatsapp', PHONE, waId, 'Does it come in another color?');
    expect(last('/webhooks/whatsapp')).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: PHONE },
                contacts: [{ profile: { name: 'Jane Doe' }, wa_id: waId }],
                messages: [
                  {
                    from: waId,
                    id: inbound.body.eventId,
                    timestamp: expect.stringMatching(/^\d{10}$/),
                    type: 'text',
                    text: { body: 'Does it come in another color?' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
    const sent = await call(graph(world, `${PHONE}/messages`), {
      token: tokens.whatsapp,
      json: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: waId,
        type: 'text',
        text: { preview_url: false, body: 'Yes, in blue.' },
        context: { message_id: inbound.body.eventId },
        biz_opaque_callback_data: 'rf:msg-42',
      },
    });
    expect(sent.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: waId, wa_id: waId }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const statusOf = (s: string) =>
      world.receiver.waitFor((r) => r.json?.entry?.[0]?.changes?.[0]?.value?.statuses?.[0]?.status === s);
    const sentStatus = await statusOf('sent');
    expect(sentStatus.json.entry[0].changes[0].value.statuses[0]).toMatchObject({
      id: sent.body.messages[0].id,
      status: 'sent',
      timestamp: expect.stringMatching(/^\d{10}$/),
      recipient_id: waId,
      biz_opaque_callback_data: 'rf:msg-42',
    });
    expect(
      (await statusOf('delivered')).json.entry[0].changes[0].value.statuses[0].biz_opaque_callback_data,
    ).toBe('rf:msg-42');
    await call(`${world.url}/control/threads?platform=whatsapp&accountId=${PHONE}&customerId=${waId}`);
    expect((await statusOf('read')).json.entry[0].changes[0].value.statuses[0].id).toBe(
      sent.body.messages[0].id,
    );
  });

  it('X: DM events with users/apps, the account’s own DM echoed with sender_id == for_user_id, mentions', async () => {
    const customer = '3001969357';
    const inbound = await call(`${world.url}/control/messages`, {
      json: {
        platform: 'x',
        accountId: X_USER,
        customer: { id: customer, name: 'Jordan', username: 'furiouscamper' },
        text: 'Hello World!',
      },
    });
    const dm = last('/webhooks/twitter');
    expect(dm).toMatchObject({
      for_user_id: X_USER,
      direct_message_events: [
        {
          type: 'message_create',
          id: inbound.body.eventId,
          created_timestamp: expect.stringMatching(/^\d{13}$/),
          message_create: {
            target: { recipient_id: X_USER },
            sender_id: customer,
            source_app_id: anyString,
            message_data: {
              text: 'Hello World!',
              entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
            },
          },
        },
      ],
      users: {
        [customer]: { id: customer, name: 'Jordan', screen_name: 'furiouscamper' },
        [X_USER]: { id: X_USER, name: 'Acme Coffee', screen_name: 'acmecoffee' },
      },
    });
    expect(Object.keys(dm.apps)).toEqual([dm.direct_message_events[0].message_create.source_app_id]);

    const sent = await call(`${world.url}/x/api/2/dm_conversations/with/${customer}/messages`, {
      token: tokens.x,
      json: { text: 'Thanks for writing' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      data: { dm_conversation_id: `${customer}-${X_USER}`, dm_event_id: anyString },
    });
    const echo = await world.receiver.waitFor(
      (r) => r.json?.direct_message_events?.[0]?.id === sent.body.data.dm_event_id,
    );
    expect(echo.json.for_user_id).toBe(X_USER);
    expect(echo.json.direct_message_events[0].message_create).toMatchObject({
      sender_id: X_USER,
      target: { recipient_id: customer },
    });

    const mention = await call(`${world.url}/control/comments`, {
      json: {
        platform: 'x',
        accountId: X_USER,
        customer: { id: customer, username: 'furiouscamper' },
        text: 'is the shop open?',
      },
    });
    const hook = await world.receiver.waitFor(
      (r) => r.json?.tweet_create_events?.[0]?.id_str === mention.body.commentId,
    );
    expect(hook.json.user_has_blocked).toBe('false');
    const tweet = hook.json.tweet_create_events[0];
    expect(tweet).toMatchObject({
      id_str: mention.body.commentId,
      text: '@acmecoffee is the shop open?',
      user: { id_str: customer, screen_name: 'furiouscamper' },
      in_reply_to_status_id_str: null,
      created_at: expect.stringMatching(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$/),
      entities: { user_mentions: [{ screen_name: 'acmecoffee', id_str: X_USER, indices: [0, 11] }] },
    });
    // The numeric id is written with every digit, as X does; only the string survives JSON.parse intact.
    expect(hook.raw.toString()).toContain(`"id":${mention.body.commentId},`);

    const replied = await call(`${world.url}/x/api/2/tweets`, {
      token: tokens.x,
      json: { text: 'Yes, until 6pm!', reply: { in_reply_to_tweet_id: mention.body.commentId } },
    });
    expect(replied.status).toBe(201);
    expect(replied.body.data).toEqual({
      id: anyString,
      text: 'Yes, until 6pm!',
      edit_history_tweet_ids: [replied.body.data.id],
    });
    const own = await world.receiver.waitFor(
      (r) => r.json?.tweet_create_events?.[0]?.id_str === replied.body.data.id,
    );
    expect(own.json.user_has_blocked).toBeUndefined();
    expect(own.json.tweet_create_events[0]).toMatchObject({
      in_reply_to_status_id_str: mention.body.commentId,
      in_reply_to_user_id_str: customer,
      user: { id_str: X_USER },
    });
  });
});
