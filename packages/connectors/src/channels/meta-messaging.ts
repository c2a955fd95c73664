/**
 * The `entry[].messaging[]` element Messenger and Instagram share, and the events it turns into.
 * Each platform's webhook picks the variants it receives; the shapes are identical.
 */
import { z } from 'zod';
import type { Attachment, InboundEvent } from './types.ts';
import { EpochMs } from './webhook-helpers.ts';

const Party = z.looseObject({ id: z.string() });

const MessagingMessage = z.looseObject({
  mid: z.string(),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
  app_id: z.union([z.string(), z.number()]).optional(),
  metadata: z.string().optional(),
  attachments: z
    .array(
      z.looseObject({ type: z.string(), payload: z.looseObject({ url: z.string().optional() }).nullish() }),
    )
    .optional(),
  reply_to: z.looseObject({ mid: z.string().optional() }).optional(),
});

/** A receipt: Messenger `read {watermark}`, Instagram `read {mid}` / `messaging_seen`. */
const Receipt = z.looseObject({ watermark: z.number().optional(), mid: z.string().optional() });

export const MessagingElement = z
  .looseObject({
    sender: Party,
    recipient: Party,
    // Delivery receipts carry only a watermark (Meta's own format): no timestamp of their own.
    timestamp: EpochMs.optional(),
    message: MessagingMessage.optional(),
    postback: z
      .looseObject({
        mid: z.string().optional(),
        title: z.string().optional(),
        payload: z.string().optional(),
      })
      .optional(),
    delivery: z.looseObject({ mids: z.array(z.string()).optional(), watermark: z.number() }).optional(),
    read: Receipt.optional(),
    messaging_seen: Receipt.optional(),
  })
  .transform((el) => ({
    ...el,
    timestamp:
      el.timestamp ??
      el.delivery?.watermark ??
      el.read?.watermark ??
      el.messaging_seen?.watermark ??
      Date.now(),
  }));

export type MessagingElement = z.output<typeof MessagingElement>;

/**
 * A customer message, or the echo of one the account sent (ours or another tool's). Echoes put the
 * account in `sender`, so the customer is the recipient. Deleted messages are not events.
 */
export function messageOrEcho(el: MessagingElement): InboundEvent | undefined {
  const m = el.message;
  if (!m || m.is_deleted) return undefined;
  const text = m.text ?? '';
  if (m.is_echo) {
    return {
      kind: 'echo',
      eventId: m.mid,
      accountId: el.sender.id,
      timestamp: el.timestamp,
      customerId: el.recipient.id,
      platformMessageId: m.mid,
      text,
      ...(m.metadata !== undefined ? { metadata: m.metadata } : {}),
      ...(m.app_id !== undefined ? { appId: String(m.app_id) } : {}),
    };
  }
  const attachments: Attachment[] = (m.attachments ?? []).map((a) => ({
    type: a.type,
    ...(a.payload?.url ? { url: a.payload.url } : {}),
  }));
  // The platform could not render it for us; the inbox still shows that something arrived.
  if (m.is_unsupported && attachments.length === 0) attachments.push({ type: 'unsupported' });
  return {
    kind: 'message',
    eventId: m.mid,
    accountId: el.recipient.id,
    timestamp: el.timestamp,
    customer: { id: el.sender.id },
    text,
    attachments,
    ...(m.reply_to?.mid ? { replyToId: m.reply_to.mid } : {}),
  };
}

/** A tapped button: what the customer saw (the title) is what they "said". */
export function postbackMessage(el: MessagingElement): InboundEvent | undefined {
  const p = el.postback;
  if (!p) return undefined;
  return {
    kind: 'message',
    eventId: `postback:${p.mid ?? `${el.sender.id}:${el.timestamp}`}`,
    accountId: el.recipient.id,
    timestamp: el.timestamp,
    customer: { id: el.sender.id },
    text: p.title ?? p.payload ?? '',
    attachments: [],
  };
}

/** Messenger `delivery`: exact mids when given, and a watermark covering everything before it. */
export function deliveryStatus(el: MessagingElement): InboundEvent | undefined {
  const d = el.delivery;
  if (!d) return undefined;
  return {
    kind: 'status',
    eventId: `delivery:${el.sender.id}:${d.watermark}`,
    accountId: el.recipient.id,
    timestamp: el.timestamp,
    status: 'delivered',
    customerId: el.sender.id,
    platformMessageIds: d.mids ?? [],
    watermark: d.watermark,
  };
}

/**
 * A read receipt. Messenger sends a watermark; Instagram names one mid, but having seen it the
 * customer has seen everything before, so the event time serves as the watermark.
 */
export function readStatus(
  el: MessagingElement,
  receipt: z.output<typeof Receipt>,
  eventId: string,
): InboundEvent {
  return {
    kind: 'status',
    eventId,
    accountId: el.recipient.id,
    timestamp: el.timestamp,
    status: 'read',
    customerId: el.sender.id,
    platformMessageIds: receipt.mid ? [receipt.mid] : [],
    watermark: receipt.watermark ?? el.timestamp,
  };
}
