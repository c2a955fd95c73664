import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parseFacebookWebhook } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';

const PAGE = '1000';

function messaging(psid: string, extra: Record<string, unknown>, timestamp = 1_700_000_000_123) {
  return { sender: { id: psid }, recipient: { id: PAGE }, timestamp, ...extra };
}

function page(...entries: Array<Record<string, unknown>>) {
  return { object: 'page', entry: entries };
}

describe('parseFacebookWebhook', () => {
  it('reads the official Messenger text message (§2.1)', () => {
    expect(parseFacebookWebhook(fixture('facebook-message'))).toEqual({
      events: [
        {
          kind: 'message',
          eventId: 'mid.1457764197618:41d102a3e1ae206a38',
          accountId: '<PAGE_ID>',
          timestamp: 1458692752478,
          customer: { id: '<PSID>' },
          text: 'hello, world!',
          attachments: [],
        },
      ],
      ignored: 0,
    });
  });

  it('reads the official feed comment (§2.5), timestamps in seconds made ms', () => {
    expect(parseFacebookWebhook(fixture('facebook-feed-comment'))).toEqual({
      events: [
        {
          kind: 'comment',
          eventId: '<POST_ID>_<COMMENT_ID>',
          accountId: '<PAGE_ID>',
          timestamp: 1703332800_000,
          customer: { id: '<user id>', name: 'Jane Doe' },
          commentId: '<POST_ID>_<COMMENT_ID>',
          text: 'Great post!',
          postId: '<PAGE_ID>_<POST_ID>',
          parentId: '<POST_ID or parent COMMENT_ID>',
          permalink: '...',
        },
      ],
      ignored: 0,
    });
  });

  it("ignores Meta's minimal feed change without crashing", () => {
    expect(parseFacebookWebhook(fixture('facebook-feed-minimal'))).toEqual({ events: [], ignored: 1 });
  });

  it("skips the Page's own comments and every feed change that is not a new comment", () => {
    const own = { item: 'comment', verb: 'add', comment_id: '5_1', post_id: `${PAGE}_5`, from: { id: PAGE } };
    const body = page({
      id: PAGE,
      time: 1703332800,
      changes: [
        { field: 'feed', value: own },
        { field: 'feed', value: { ...own, from: { id: '77' }, verb: 'edited' } },
        {
          field: 'feed',
          value: { item: 'reaction', verb: 'add', post_id: `${PAGE}_5`, reaction_type: 'like' },
        },
        { field: 'mention', value: { post_id: `${PAGE}_5` } },
      ],
    });
    expect(parseFacebookWebhook(body)).toEqual({ events: [], ignored: 4 });
  });

  it('keeps a comment whose author Meta withholds, and tells top-level from nested comments', () => {
    const body = page({
      id: PAGE,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: '5_9',
            post_id: `${PAGE}_5`,
            parent_id: `${PAGE}_5`,
          },
        },
      ],
    });
    const [event] = parseFacebookWebhook(body).events;
    expect(event).toMatchObject({ kind: 'comment', commentId: '5_9', postId: `${PAGE}_5`, text: '' });
    expect(event).not.toHaveProperty('customer');
    expect(event).not.toHaveProperty('parentId');
  });

  it('processes every entry and every messaging element of a batch', () => {
    const body = page(
      {
        id: PAGE,
        time: 1,
        messaging: [
          messaging('p1', { message: { mid: 'm1', text: 'one' } }),
          messaging('p2', { message: { mid: 'm2', text: 'two' } }),
        ],
      },
      {
        id: PAGE,
        time: 2,
        messaging: [
          messaging('p3', { message: { mid: 'm3', text: 'three' } }),
          messaging('p1', { message: { mid: 'm4', text: 'four' } }),
        ],
      },
    );
    const { events, ignored } = parseFacebookWebhook(body);
    expect(events.map((e) => e.eventId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(ignored).toBe(0);
  });

  it('turns an echo of a Page send into an echo event, never a customer message', () => {
    const body = page({
      id: PAGE,
      messaging: [
        {
          sender: { id: PAGE },
          recipient: { id: 'psid-9' },
          timestamp: 1_700_000_000_000,
          message: {
            mid: 'm_echo',
            text: 'Thanks!',
            is_echo: true,
            app_id: 1517776481860111,
            metadata: 'msg_42',
          },
        },
      ],
    });
    expect(parseFacebookWebhook(body).events).toEqual([
      {
        kind: 'echo',
        eventId: 'm_echo',
        accountId: PAGE,
        timestamp: 1_700_000_000_000,
        customerId: 'psid-9',
        platformMessageId: 'm_echo',
        text: 'Thanks!',
        metadata: 'msg_42',
        appId: '1517776481860111',
      },
    ]);
  });

  it('takes a delivery receipt without a timestamp of its own, as Meta sends it (the watermark dates it)', () => {
    const body = page({
      id: PAGE,
      messaging: [
        {
          sender: { id: 'p1' },
          recipient: { id: PAGE },
          delivery: { mids: ['m_out9'], watermark: 1_700_000_000_900 },
        },
      ],
    });
    expect(parseFacebookWebhook(body).events).toEqual([
      expect.objectContaining({
        kind: 'status',
        status: 'delivered',
        timestamp: 1_700_000_000_900,
        platformMessageIds: ['m_out9'],
      }),
    ]);
  });

  it('reads attachments, replies, postbacks, deliveries and reads; ignores reactions and standby', () => {
    const body = page({
      id: PAGE,
      messaging: [
        messaging('p1', {
          message: {
            mid: 'm1',
            attachments: [{ type: 'image', payload: { url: 'https://cdn.example/x.jpg' } }],
            reply_to: { mid: 'm0' },
          },
        }),
        messaging('p1', { postback: { mid: 'm_pb', title: 'Talk to a human', payload: 'HUMAN' } }),
        messaging('p1', { postback: { title: 'Get started', payload: 'START' } }, 1_700_000_000_500),
        messaging('p1', { delivery: { mids: ['m_out1'], watermark: 1_700_000_000_200 } }),
        messaging('p1', { read: { watermark: 1_700_000_000_300 } }),
        messaging('p1', { reaction: { mid: 'm_out1', action: 'react', reaction: 'love' } }),
      ],
      standby: [messaging('p2', { message: { mid: 'm_other_app', text: 'hi' } })],
    });
    const { events, ignored } = parseFacebookWebhook(body);
    expect(ignored).toBe(2);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'message',
        eventId: 'm1',
        text: '',
        attachments: [{ type: 'image', url: 'https://cdn.example/x.jpg' }],
        replyToId: 'm0',
      }),
      expect.objectContaining({ kind: 'message', eventId: 'postback:m_pb', text: 'Talk to a human' }),
      expect.objectContaining({ kind: 'message', eventId: 'postback:p1:1700000000500', text: 'Get started' }),
      {
        kind: 'status',
        eventId: 'delivery:p1:1700000000200',
        accountId: PAGE,
        timestamp: 1_700_000_000_123,
        status: 'delivered',
        customerId: 'p1',
        platformMessageIds: ['m_out1'],
        watermark: 1_700_000_000_200,
      },
      expect.objectContaining({
        kind: 'status',
        eventId: 'read:p1:1700000000300',
        status: 'read',
        platformMessageIds: [],
        watermark: 1_700_000_000_300,
      }),
    ]);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an array', [{ object: 'page' }]],
    ['another object', { object: 'instagram', entry: [] }],
    ['no entry array', { object: 'page' }],
    [
      'a messaging element without sender',
      page({ id: PAGE, messaging: [{ recipient: { id: PAGE }, timestamp: 1 }] }),
    ],
    [
      'a new comment without comment_id',
      page({
        id: PAGE,
        changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', post_id: '1_2' } }],
      }),
    ],
  ])('rejects %s with MalformedPayloadError', (_label, body) => {
    expect(() => parseFacebookWebhook(body)).toThrow(MalformedPayloadError);
  });

  it('names the offending field in the reason', () => {
    const body = page({
      id: PAGE,
      messaging: [messaging('p', {}), { recipient: { id: PAGE }, timestamp: 1 }],
    });
    expect(() => parseFacebookWebhook(body)).toThrow(/entry\.0\.messaging\.1\.sender/);
  });
});
