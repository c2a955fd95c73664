import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parseInstagramWebhook } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';

const IG = '17841400000000001';

function ig(...entries: Array<Record<string, unknown>>) {
  return { object: 'instagram', entry: entries };
}

function comment(id: string, fromId: string, field = 'comments') {
  return {
    field,
    value: { id, from: { id: fromId, username: `user_${fromId}` }, text: `c${id}`, media: { id: 'media-1' } },
  };
}

describe('parseInstagramWebhook', () => {
  it('reads the official DM (§3.1)', () => {
    expect(parseInstagramWebhook(fixture('instagram-message'))).toEqual({
      events: [
        {
          kind: 'message',
          eventId: '<MESSAGE_ID>',
          accountId: '<YOUR_IG_PRO_ACCOUNT_ID>',
          timestamp: 1700000000000,
          customer: { id: '<IGSID>' },
          text: 'Hi!',
          attachments: [],
        },
      ],
      ignored: 0,
    });
  });

  it('reads the official comment (§3.3)', () => {
    expect(parseInstagramWebhook(fixture('instagram-comment'))).toEqual({
      events: [
        {
          kind: 'comment',
          eventId: '<COMMENT_ID>',
          accountId: '<YOUR_IG_PRO_ACCOUNT_ID>',
          timestamp: 1755779280_000,
          customer: { id: '<IGSID>', username: '<USERNAME>' },
          commentId: '<COMMENT_ID>',
          text: '<COMMENT_TEXT>',
          postId: '<MEDIA_ID>',
          parentId: '<present when this is a reply to another comment>',
          mediaType: 'FEED|REELS|STORY|AD',
        },
      ],
      ignored: 0,
    });
  });

  it("turns is_echo messages into echoes and skips the account's own comments", () => {
    const body = ig({
      id: IG,
      time: 1755779280,
      messaging: [
        {
          sender: { id: IG },
          recipient: { id: 'igsid-1' },
          timestamp: 1_700_000_000_000,
          message: { mid: 'm_echo', text: 'On its way', is_echo: true, metadata: 'msg_7' },
        },
      ],
      changes: [
        comment('c-own', IG),
        comment('c-live', 'igsid-2', 'live_comments'),
        { field: 'mentions', value: {} },
      ],
    });
    const { events, ignored } = parseInstagramWebhook(body);
    expect(ignored).toBe(2);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'echo',
        eventId: 'm_echo',
        accountId: IG,
        customerId: 'igsid-1',
        metadata: 'msg_7',
      }),
      expect.objectContaining({
        kind: 'comment',
        commentId: 'c-live',
        customer: { id: 'igsid-2', username: 'user_igsid-2' },
      }),
    ]);
  });

  it('turns messaging_seen into a read status', () => {
    const body = ig({
      id: IG,
      messaging: [
        {
          sender: { id: 'igsid-1' },
          recipient: { id: IG },
          timestamp: 1_700_000_000_999,
          messaging_seen: { mid: 'm_out' },
        },
      ],
    });
    expect(parseInstagramWebhook(body).events).toEqual([
      {
        kind: 'status',
        eventId: 'seen:igsid-1:1700000000999',
        accountId: IG,
        timestamp: 1_700_000_000_999,
        status: 'read',
        customerId: 'igsid-1',
        platformMessageIds: ['m_out'],
        watermark: 1_700_000_000_999,
      },
    ]);
  });

  it('processes every entry and element of a batch (2 × 2 → 4)', () => {
    const dm = (mid: string) => ({
      sender: { id: 'igsid-1' },
      recipient: { id: IG },
      timestamp: 1_700_000_000_000,
      message: { mid, text: mid },
    });
    const body = ig(
      { id: IG, messaging: [dm('a'), dm('b')] },
      { id: IG, time: 1755779280, changes: [comment('c', 'u1'), comment('d', 'u2')] },
    );
    const { events } = parseInstagramWebhook(body);
    expect(events.map((e) => e.eventId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['not an object', 42],
    ['a Page payload', { object: 'page', entry: [] }],
    [
      'a messaging element without sender',
      ig({ id: IG, messaging: [{ recipient: { id: IG }, timestamp: 1 }] }),
    ],
    [
      'a comment without media',
      ig({ id: IG, changes: [{ field: 'comments', value: { id: 'c', text: 'x' } }] }),
    ],
  ])('rejects %s with MalformedPayloadError', (_label, body) => {
    expect(() => parseInstagramWebhook(body)).toThrow(MalformedPayloadError);
  });
});
