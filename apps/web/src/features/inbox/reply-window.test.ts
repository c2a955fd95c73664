import type { ConversationDto } from '@replyforce/contracts';
import { describe, expect, it } from 'vitest';
import { replyWindow } from './reply-window.ts';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function conversation(overrides: Partial<ConversationDto>): ConversationDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    channelId: '00000000-0000-4000-8000-000000000002',
    channelName: 'Acme Coffee',
    platform: 'whatsapp',
    kind: 'dm',
    contact: {
      id: '00000000-0000-4000-8000-000000000003',
      name: 'Omar',
      username: null,
      platformUserId: '1555',
    },
    status: 'open',
    assigneeId: null,
    leadTag: null,
    post: null,
    unreadCount: 0,
    lastMessageAt: iso(NOW),
    lastMessagePreview: null,
    lastInboundAt: null,
    windowExpiresAt: null,
    snoozedUntil: null,
    createdAt: iso(NOW - 48 * HOUR),
    ...overrides,
  };
}

describe('replyWindow', () => {
  it('is open until windowExpiresAt', () => {
    const c = conversation({ windowExpiresAt: iso(NOW + HOUR), lastInboundAt: iso(NOW - 23 * HOUR) });
    expect(replyWindow(c, NOW)).toEqual({ kind: 'open', closesAt: NOW + HOUR });
  });

  it('offers only templates on WhatsApp once closed, or when it never opened', () => {
    const closed = conversation({
      windowExpiresAt: iso(NOW - 24 * HOUR),
      lastInboundAt: iso(NOW - 48 * HOUR),
    });
    expect(replyWindow(closed, NOW)).toEqual({ kind: 'templates', closedAt: NOW - 24 * HOUR });
    expect(replyWindow(conversation({}), NOW)).toEqual({ kind: 'templates', closedAt: null });
  });

  it('allows the human-agent tag on Messenger and Instagram for 7 days, then nothing', () => {
    const tagged = conversation({
      platform: 'instagram',
      windowExpiresAt: iso(NOW - 24 * HOUR),
      lastInboundAt: iso(NOW - 48 * HOUR),
    });
    expect(replyWindow(tagged, NOW)).toEqual({
      kind: 'tagged',
      closedAt: NOW - 24 * HOUR,
      tagUntil: NOW - 48 * HOUR + 7 * 24 * HOUR,
    });
    const expired = conversation({
      platform: 'facebook',
      windowExpiresAt: iso(NOW - 8 * 24 * HOUR),
      lastInboundAt: iso(NOW - 9 * 24 * HOUR),
    });
    expect(replyWindow(expired, NOW).kind).toBe('expired');
  });

  it('does not apply to X or to comment threads', () => {
    expect(replyWindow(conversation({ platform: 'x' }), NOW)).toEqual({ kind: 'none' });
    expect(replyWindow(conversation({ platform: 'instagram', kind: 'comments' }), NOW)).toEqual({
      kind: 'none',
    });
  });
});
