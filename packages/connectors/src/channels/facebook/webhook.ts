/**
 * Facebook Page webhooks (`object: "page"`): Messenger events in `entry[].messaging[]` and Page
 * comments in `entry[].changes[]` (field `feed`). Every entry and element of a batch is read.
 */
import { z } from 'zod';
import {
  deliveryStatus,
  MessagingElement,
  messageOrEcho,
  postbackMessage,
  readStatus,
} from '../meta-messaging.ts';
import type { InboundEvent, ParsedDelivery } from '../types.ts';
import { DeliveryCollector, EpochMs, expectObject, parseShape } from '../webhook-helpers.ts';

const FeedChange = z.looseObject({ field: z.string(), value: z.unknown() });

const FeedValue = z.looseObject({ item: z.string().optional(), verb: z.string().optional() });

/** A new comment: only checked when `item` is comment and `verb` add. */
const CommentAdd = z.looseObject({
  comment_id: z.string(),
  post_id: z.string(),
  parent_id: z.string().optional(),
  from: z.looseObject({ id: z.string(), name: z.string().optional() }).optional(),
  message: z.string().optional(),
  created_time: EpochMs.optional(),
  post: z.looseObject({ permalink_url: z.string().optional() }).optional(),
});

const PageEntry = z.looseObject({
  // Absent in Meta's own minimal test payload; the Page id is then the prefix of post_id.
  id: z.string().optional(),
  time: EpochMs.optional(),
  messaging: z.array(MessagingElement).optional(),
  changes: z.array(FeedChange).optional(),
  // Handover protocol: another app owns the thread, so these are not ours to answer.
  standby: z.array(z.unknown()).optional(),
});

const PageDelivery = z.looseObject({ object: z.literal('page'), entry: z.array(PageEntry) });

export function parseFacebookWebhook(body: unknown): ParsedDelivery {
  expectObject(body, 'page', 'facebook');
  const delivery = parseShape(PageDelivery, body, 'facebook');
  const out = new DeliveryCollector();

  delivery.entry.forEach((entry, e) => {
    for (const el of entry.messaging ?? []) out.add(messagingEvent(el));
    out.ignored += entry.standby?.length ?? 0;
    entry.changes?.forEach((change, c) => {
      out.add(
        change.field === 'feed'
          ? feedComment(entry, change.value, `entry.${e}.changes.${c}.value`)
          : undefined,
      );
    });
  });
  return out.result();
}

function messagingEvent(el: MessagingElement): InboundEvent | undefined {
  if (el.message) return messageOrEcho(el);
  if (el.postback) return postbackMessage(el);
  if (el.delivery) return deliveryStatus(el);
  if (el.read) return readStatus(el, el.read, `read:${el.sender.id}:${el.read.watermark ?? el.timestamp}`);
  return undefined; // reactions, referrals, opt-ins, handover notices
}

function feedComment(entry: z.output<typeof PageEntry>, raw: unknown, at: string): InboundEvent | undefined {
  const value = parseShape(FeedValue, raw, 'facebook', at);
  if (value.item !== 'comment' || value.verb !== 'add') return undefined;
  const c = parseShape(CommentAdd, raw, 'facebook', at);
  const pageId = entry.id ?? c.post_id.split('_')[0] ?? c.post_id;
  // The Page's own replies come back through the same feed.
  if (c.from?.id === pageId) return undefined;
  return {
    kind: 'comment',
    eventId: c.comment_id,
    accountId: pageId,
    timestamp: c.created_time ?? entry.time ?? Date.now(),
    ...(c.from ? { customer: { id: c.from.id, ...(c.from.name ? { name: c.from.name } : {}) } } : {}),
    commentId: c.comment_id,
    text: c.message ?? '',
    postId: c.post_id,
    // A top-level comment's parent is the post itself, which postId already says.
    ...(c.parent_id && c.parent_id !== c.post_id ? { parentId: c.parent_id } : {}),
    ...(c.post?.permalink_url ? { permalink: c.post.permalink_url } : {}),
  };
}
