/**
 * Instagram webhooks (`object: "instagram"`): DMs, their echoes and seen receipts in
 * `entry[].messaging[]`; comments and live comments in `entry[].changes[]`.
 */
import { z } from 'zod';
import { MessagingElement, messageOrEcho, readStatus } from '../meta-messaging.ts';
import type { InboundEvent, ParsedDelivery } from '../types.ts';
import { DeliveryCollector, EpochMs, expectObject, parseShape } from '../webhook-helpers.ts';

const COMMENT_FIELDS = new Set(['comments', 'live_comments']);

const Change = z.looseObject({ field: z.string(), value: z.unknown() });

const Comment = z.looseObject({
  id: z.string(),
  text: z.string().optional(),
  from: z.looseObject({ id: z.string(), username: z.string().optional() }).optional(),
  media: z.looseObject({ id: z.string(), media_product_type: z.string().optional() }),
  parent_id: z.string().optional(),
});

const InstagramEntry = z.looseObject({
  id: z.string(),
  time: EpochMs.optional(),
  messaging: z.array(MessagingElement).optional(),
  changes: z.array(Change).optional(),
  standby: z.array(z.unknown()).optional(),
});

const InstagramDelivery = z.looseObject({ object: z.literal('instagram'), entry: z.array(InstagramEntry) });

export function parseInstagramWebhook(body: unknown): ParsedDelivery {
  expectObject(body, 'instagram', 'instagram');
  const delivery = parseShape(InstagramDelivery, body, 'instagram');
  const out = new DeliveryCollector();

  delivery.entry.forEach((entry, e) => {
    for (const el of entry.messaging ?? []) out.add(messagingEvent(el));
    out.ignored += entry.standby?.length ?? 0;
    entry.changes?.forEach((change, c) => {
      const at = `entry.${e}.changes.${c}.value`;
      out.add(COMMENT_FIELDS.has(change.field) ? comment(entry, change.value, at) : undefined);
    });
  });
  return out.result();
}

function messagingEvent(el: MessagingElement): InboundEvent | undefined {
  if (el.message) return messageOrEcho(el);
  const seen = el.messaging_seen ?? el.read;
  if (seen) return readStatus(el, seen, `seen:${el.sender.id}:${el.timestamp}`);
  return undefined; // reactions, referrals, postbacks of ice breakers we do not offer
}

function comment(entry: z.output<typeof InstagramEntry>, raw: unknown, at: string): InboundEvent | undefined {
  const c = parseShape(Comment, raw, 'instagram', at);
  // The account's own replies are delivered too.
  if (c.from?.id === entry.id) return undefined;
  const customer = c.from
    ? { id: c.from.id, ...(c.from.username ? { username: c.from.username } : {}) }
    : undefined;
  return {
    kind: 'comment',
    eventId: c.id,
    accountId: entry.id,
    // Comment payloads carry no time of their own; the entry's (seconds) is when Meta saw it.
    timestamp: entry.time ?? Date.now(),
    ...(customer ? { customer } : {}),
    commentId: c.id,
    text: c.text ?? '',
    postId: c.media.id,
    ...(c.parent_id ? { parentId: c.parent_id } : {}),
    ...(c.media.media_product_type ? { mediaType: c.media.media_product_type } : {}),
  };
}
