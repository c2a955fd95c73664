import { findAccount } from '../accounts.ts';
import type { Platform } from '../types.ts';
import type { SubscriptionKey } from './store.ts';

/** What a Page subscribes to for Messenger and comments (docs/channel-contracts.md). */
export const PAGE_FIELDS = [
  'messages',
  'messaging_postbacks',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'feed',
] as const;
export const INSTAGRAM_FIELDS = ['messages', 'comments'] as const;

/** Every field subscribed_apps accepts; anything else is error 100 like on the Graph API. */
export const KNOWN_FIELDS = new Set<string>([
  ...PAGE_FIELDS,
  ...INSTAGRAM_FIELDS,
  'messaging_optins',
  'messaging_referrals',
  'message_reactions',
  'messaging_handovers',
  'messaging_seen',
  'standby',
  'live_comments',
  'mentions',
]);

/**
 * Where an account's app subscription lives: the Page for Messenger, the Instagram account (made
 * on its Page with an Instagram token), the WhatsApp business account, the X user.
 */
export function subscriptionKey(platform: Platform, accountId: string): SubscriptionKey {
  if (platform === 'whatsapp') return `whatsapp:${findAccount('whatsapp', accountId)?.wabaId ?? accountId}`;
  return `${platform}:${accountId}`;
}

export function defaultFields(platform: Platform): string[] {
  if (platform === 'facebook') return [...PAGE_FIELDS];
  if (platform === 'instagram') return [...INSTAGRAM_FIELDS];
  return [];
}
