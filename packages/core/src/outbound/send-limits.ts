import type { Platform } from '@replyforce/connectors';

/**
 * Sends per channel, kept under each platform's published limit (platform-contracts.md §2.4,
 * §3.2, §4.4, §5.5): Send API 300 calls/s per Page or Instagram account, WhatsApp 80 messages/s per
 * number, X 15 DMs per 15 minutes per user. The sandbox relaxes X so a demo is not throttled.
 */
export function sendLimit(platform: Platform, sandbox: boolean): { limit: number; windowMs: number } {
  switch (platform) {
    case 'facebook':
    case 'instagram':
      return { limit: 250, windowMs: 1_000 };
    case 'whatsapp':
      return { limit: 70, windowMs: 1_000 };
    case 'x':
      return sandbox ? { limit: 900, windowMs: 15 * 60_000 } : { limit: 15, windowMs: 15 * 60_000 };
  }
}
