/**
 * WhatsApp Cloud webhooks (`object: "whatsapp_business_account"`). Everything arrives under
 * `changes[]` field `messages`: customer messages in `value.messages[]`, receipts for ours in
 * `value.statuses[]`. The account is the phone number (`metadata.phone_number_id`), not the WABA.
 */
import { z } from 'zod';
import { MalformedPayloadError } from '../../errors.ts';
import type { Attachment, InboundEvent, ParsedDelivery } from '../types.ts';
import { DeliveryCollector, expectObject, parseShape } from '../webhook-helpers.ts';
import { type WaMessage, type WaStatus, WaValue } from './webhook-schemas.ts';

const Change = z.looseObject({ field: z.string(), value: z.unknown() });
const WabaEntry = z.looseObject({ id: z.string().optional(), changes: z.array(Change) });
const WabaDelivery = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(WabaEntry),
});

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
/** A played voice message has been heard, so it has been read. */
const STATUSES = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  played: 'read',
} as const;

export function parseWhatsappWebhook(body: unknown): ParsedDelivery {
  expectObject(body, 'whatsapp_business_account', 'whatsapp');
  const delivery = parseShape(WabaDelivery, body, 'whatsapp');
  const out = new DeliveryCollector();

  delivery.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      // Template reviews, quality and account updates: not conversations.
      if (change.field !== 'messages') {
        out.ignored++;
        return;
      }
      const at = `entry.${e}.changes.${c}.value`;
      const value = parseShape(WaValue, change.value, 'whatsapp', at);
      const accountId = value.metadata.phone_number_id;
      value.messages?.forEach((m, i) => {
        out.add(message(m, value, accountId, `${at}.messages.${i}`));
      });
      value.statuses?.forEach((s, i) => {
        out.add(status(s, accountId, `${at}.statuses.${i}`));
      });
      // A change with only `errors[]` (webhook-level failures) carries nothing to act on.
      if (!value.messages?.length && !value.statuses?.length) out.ignored++;
    });
  });
  return out.result();
}

function message(m: WaMessage, value: WaValue, accountId: string, at: string): InboundEvent | undefined {
  // Reactions and system notices (number changed) are not messages to answer.
  if (m.type === 'reaction' || m.type === 'system') return undefined;
  // Since 2026 a user with a username may come without a phone: the BSUID is then their id.
  const contact = value.contacts?.find(
    (c) =>
      (m.from !== undefined && c.wa_id === m.from) || (m.user_id !== undefined && c.user_id === m.user_id),
  );
  const phone = m.from ?? contact?.wa_id;
  const id = phone ?? m.user_id ?? contact?.user_id;
  if (id === undefined) throw new MalformedPayloadError(`whatsapp webhook: ${at}: neither from nor user_id`);
  const name = contact?.profile?.name;
  const username = contact?.profile?.username;
  return {
    kind: 'message',
    eventId: m.id,
    accountId,
    timestamp: m.timestamp,
    customer: {
      id,
      ...(name ? { name } : {}),
      ...(username ? { username } : {}),
      ...(phone ? { phone } : {}),
    },
    ...content(m),
    ...(m.context?.id ? { replyToId: m.context.id } : {}),
  };
}

/** Text and attachments of each message type; types we cannot show still arrive as an attachment. */
function content(m: WaMessage): { text: string; attachments: Attachment[] } {
  if (m.text) return { text: m.text.body, attachments: [] };
  for (const type of MEDIA_TYPES) {
    const media = m[type];
    if (!media) continue;
    return {
      text: media.caption ?? '',
      attachments: [
        {
          type,
          ...(media.id ? { mediaId: media.id } : {}),
          ...(media.mime_type ? { mimeType: media.mime_type } : {}),
          ...(media.caption ? { caption: media.caption } : {}),
        },
      ],
    };
  }
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (reply) return { text: reply.title, attachments: [] };
  if (m.button) return { text: m.button.text ?? m.button.payload ?? '', attachments: [] };
  if (m.location) {
    const { latitude, longitude, name, address } = m.location;
    return {
      text: [name, address].filter(Boolean).join(', '),
      attachments: [{ type: 'location', url: `geo:${latitude},${longitude}` }],
    };
  }
  return { text: '', attachments: [{ type: m.type }] };
}

function status(s: WaStatus, accountId: string, at: string): InboundEvent | undefined {
  const mapped = STATUSES[s.status as keyof typeof STATUSES];
  if (!mapped) return undefined;
  const customerId = s.recipient_id ?? s.recipient_user_id;
  if (customerId === undefined) throw new MalformedPayloadError(`whatsapp webhook: ${at}: no recipient_id`);
  const err = s.errors?.[0];
  return {
    kind: 'status',
    eventId: `${s.id}:${s.status}`,
    accountId,
    timestamp: s.timestamp,
    status: mapped,
    customerId,
    platformMessageIds: [s.id],
    ...(err
      ? {
          error: {
            code: String(err.code),
            message: err.error_data?.details ?? err.message ?? err.title ?? '',
          },
        }
      : {}),
  };
}
