/** Picks the parser for a webhook receiver's URL segment (`POST /webhooks/<segment>`). */
import { parseFacebookWebhook } from './facebook/webhook.ts';
import { parseInstagramWebhook } from './instagram/webhook.ts';
import type { ParsedDelivery } from './types.ts';
import { parseWhatsappWebhook } from './whatsapp/webhook.ts';
import { parseXWebhook } from './x/webhook.ts';

export type WebhookSegment = 'facebook' | 'instagram' | 'whatsapp' | 'twitter';

const PARSERS: Record<WebhookSegment, (body: unknown) => ParsedDelivery> = {
  facebook: parseFacebookWebhook,
  instagram: parseInstagramWebhook,
  whatsapp: parseWhatsappWebhook,
  twitter: parseXWebhook,
};

export function parseWebhook(segment: WebhookSegment, body: unknown): ParsedDelivery {
  return PARSERS[segment](body);
}
