import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parseXWebhook } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';

const ME = '4337869213';

function dm(id: string, senderId: string, recipientId: string, text: string) {
  return {
    type: 'message_create',
    id,
    created_timestamp: '1516403560557',
    message_create: { target: { recipient_id: recipientId }, sender_id: senderId, message_data: { text } },
  };
}

describe('parseXWebhook', () => {
  it('reads the official direct_message_events example (§5.3) with the sender named from users', () => {
    expect(parseXWebhook(fixture('x-direct-message'))).toEqual({
      events: [
        {
          kind: 'message',
          eventId: '954491830116155396',
          accountId: ME,
          timestamp: 1516403560557,
          customer: { id: '3001969357', name: 'Jordan Brinks', username: 'furiouscamper' },
          text: 'Hello World!',
          attachments: [],
        },
      ],
      ignored: 0,
    });
  });

  it('reads a mention as a comment, with the full text of a long post', () => {
    expect(parseXWebhook(fixture('x-mention'))).toEqual({
      events: [
        {
          kind: 'comment',
          eventId: '1924471386361598213',
          accountId: ME,
          timestamp: 1747663306000,
          customer: { id: '3001969357', name: 'Jordan Brinks', username: 'furiouscamper' },
          commentId: '1924471386361598213',
          text: "@Harris_0ff my order #4411 still hasn't shipped, can you check? It has been two weeks and the tracking page still says label created.",
          postId: '1924400000000000000',
          permalink: 'https://x.com/furiouscamper/status/1924471386361598213',
        },
      ],
      ignored: 0,
    });
  });

  it('uses the post itself as the thread when a mention replies to nothing', () => {
    const body = {
      for_user_id: ME,
      tweet_create_events: [
        {
          id_str: '555',
          text: '@Harris_0ff hello',
          created_at: 'Mon May 19 14:01:46 +0000 2025',
          in_reply_to_status_id_str: null,
          user: { id_str: '42', screen_name: 'someone' },
        },
      ],
    };
    expect(parseXWebhook(body).events[0]).toMatchObject({
      postId: '555',
      timestamp: Date.parse('Mon May 19 14:01:46 +0000 2025'),
      text: '@Harris_0ff hello',
    });
  });

  it("turns the account's own DMs into echoes and ignores its own posts and other event types", () => {
    const body = {
      for_user_id: ME,
      direct_message_events: [dm('e1', ME, '3001969357', 'On it!'), dm('e2', '3001969357', ME, 'Thanks')],
      tweet_create_events: [{ id_str: '9', text: 'our post', user: { id_str: ME } }],
      favorite_events: [{ id: 'f1' }, { id: 'f2' }],
      direct_message_indicate_typing_events: [{ created_timestamp: '1' }],
      users: { '3001969357': { name: 'Jordan Brinks', screen_name: 'furiouscamper' } },
    };
    const { events, ignored } = parseXWebhook(body);
    expect(ignored).toBe(4);
    expect(events).toEqual([
      {
        kind: 'echo',
        eventId: 'e1',
        accountId: ME,
        timestamp: 1516403560557,
        customerId: '3001969357',
        platformMessageId: 'e1',
        text: 'On it!',
      },
      expect.objectContaining({
        kind: 'message',
        eventId: 'e2',
        customer: expect.objectContaining({ name: 'Jordan Brinks' }),
      }),
    ]);
  });

  it('processes every event of a batch', () => {
    const body = {
      for_user_id: ME,
      direct_message_events: [
        dm('a', '1', ME, 'a'),
        dm('b', '2', ME, 'b'),
        dm('c', '3', ME, 'c'),
        dm('d', '1', ME, 'd'),
      ],
    };
    expect(parseXWebhook(body).events.map((e) => e.eventId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['not an object', [1, 2]],
    ['no for_user_id', { direct_message_events: [] }],
    [
      'a message_create without sender',
      {
        for_user_id: ME,
        direct_message_events: [
          {
            type: 'message_create',
            id: '1',
            created_timestamp: '1',
            message_create: { target: { recipient_id: ME }, message_data: {} },
          },
        ],
      },
    ],
    ['a tweet without author', { for_user_id: ME, tweet_create_events: [{ id_str: '1', text: 'x' }] }],
  ])('rejects %s with MalformedPayloadError', (_label, body) => {
    expect(() => parseXWebhook(body)).toThrow(MalformedPayloadError);
  });
});
