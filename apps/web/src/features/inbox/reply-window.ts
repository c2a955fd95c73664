import type { ConversationDto } from '@replyforce/contracts';
import { PLATFORM_INFO } from '../../lib/platforms.ts';

const HUMAN_AGENT_TAG_MS = 7 * 86_400_000;

/**
 * Where a conversation stands against the platform's 24-hour customer-service window:
 * - `none`: the platform has no such window (X);
 * - `open`: free text allowed until `closesAt`;
 * - `templates`: WhatsApp, window closed (or never opened): approved templates only;
 * - `tagged`: Messenger/Instagram after 24 h: replies carry the human-agent tag, up to 7 days;
 * - `expired`: Messenger/Instagram past 7 days: nothing can be sent until the customer writes.
 */
export type ReplyWindow =
  | { kind: 'none' }
  | { kind: 'open'; closesAt: number }
  | { kind: 'templates'; closedAt: number | null }
  | { kind: 'tagged'; closedAt: number; tagUntil: number }
  | { kind: 'expired'; closedAt: number | null };

export function replyWindow(conversation: ConversationDto, now: number): ReplyWindow {
  const policy = PLATFORM_INFO[conversation.platform].window;
  // Public replies under a comment are not bound to the messaging window.
  if (!policy || conversation.kind === 'comments') return { kind: 'none' };
  const closes = conversation.windowExpiresAt ? Date.parse(conversation.windowExpiresAt) : Number.NaN;
  if (Number.isFinite(closes) && closes > now) return { kind: 'open', closesAt: closes };
  const closedAt = Number.isFinite(closes) ? closes : null;
  if (policy === 'templates') return { kind: 'templates', closedAt };
  const lastInbound = conversation.lastInboundAt ? Date.parse(conversation.lastInboundAt) : Number.NaN;
  const tagUntil = Number.isFinite(lastInbound) ? lastInbound + HUMAN_AGENT_TAG_MS : Number.NaN;
  if (closedAt !== null && Number.isFinite(tagUntil) && tagUntil > now) {
    return { kind: 'tagged', closedAt, tagUntil };
  }
  return { kind: 'expired', closedAt };
}
