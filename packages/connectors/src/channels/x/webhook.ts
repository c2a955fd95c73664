/**
 * X Account Activity webhooks: `{ for_user_id, <type>_events: [...] , users }`. DMs become
 * messages (or echoes when the account itself sent them); mentions and replies become comments.
 * Favorites, follows, typing, read markers and deletions are counted as ignored.
 */
import { z } from 'zod';
import { MalformedPayloadError } from '../../errors.ts';
import type { Attachment, CustomerIdentity, InboundEvent, ParsedDelivery } from '../types.ts';
import { DeliveryCollector, EpochMs, parseShape, toEpochMs } from '../webhook-helpers.ts';

const User = z.looseObject({ name: z.string().optional(), screen_name: z.string().optional() });

const MessageCreate = z.looseObject({
  target: z.looseObject({ recipient_id: z.string() }),
  sender_id: z.string(),
  source_app_id: z.string().optional(),
  message_data: z.looseObject({
    text: z.string().optional(),
    attachment: z
      .looseObject({
        type: z.string(),
        media: z
          .looseObject({ media_url_https: z.string().optional(), type: z.string().optional() })
          .optional(),
      })
      .optional(),
  }),
});

const DmEvent = z.looseObject({
  type: z.string(),
  id: z.string(),
  created_timestamp: EpochMs,
  message_create: z.unknown().optional(),
});

const Tweet = z.looseObject({
  id_str: z.string(),
  text: z.string().optional(),
  full_text: z.string().optional(),
  truncated: z.boolean().optional(),
  extended_tweet: z.looseObject({ full_text: z.string() }).optional(),
  user: z.looseObject({
    id_str: z.string(),
    name: z.string().optional(),
    screen_name: z.string().optional(),
  }),
  in_reply_to_status_id_str: z.string().nullish(),
  created_at: z.string().optional(),
  timestamp_ms: EpochMs.optional(),
  retweeted_status: z.unknown().optional(),
});

const XDelivery = z.looseObject({
  for_user_id: z.string(),
  direct_message_events: z.array(DmEvent).optional(),
  tweet_create_events: z.array(Tweet).optional(),
  users: z.record(z.string(), User).optional(),
});

const HANDLED = new Set(['direct_message_events', 'tweet_create_events']);

export function parseXWebhook(body: unknown): ParsedDelivery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedPayloadError('x webhook: body is not a JSON object');
  }
  const delivery = parseShape(XDelivery, body, 'x');
  const accountId = delivery.for_user_id;
  const users = delivery.users ?? {};
  const out = new DeliveryCollector();

  delivery.direct_message_events?.forEach((ev, i) => {
    out.add(dm(ev, accountId, users, `direct_message_events.${i}.message_create`));
  });
  for (const tweet of delivery.tweet_create_events ?? []) out.add(tweetComment(tweet, accountId));
  // favorite_events, follow_events, user_event (revocation) …: one ignored element each.
  for (const [key, value] of Object.entries(delivery)) {
    if (HANDLED.has(key) || (!key.endsWith('_event') && !key.endsWith('_events'))) continue;
    out.ignored += Array.isArray(value) ? value.length : 1;
  }
  return out.result();
}

type Users = Record<string, z.output<typeof User>>;

function dm(
  ev: z.output<typeof DmEvent>,
  accountId: string,
  users: Users,
  at: string,
): InboundEvent | undefined {
  if (ev.type !== 'message_create') return undefined;
  const m = parseShape(MessageCreate, ev.message_create, 'x', at);
  const text = m.message_data.text ?? '';
  // What the account sends (from us or the X app) comes back too.
  if (m.sender_id === accountId) {
    return {
      kind: 'echo',
      eventId: ev.id,
      accountId,
      timestamp: ev.created_timestamp,
      customerId: m.target.recipient_id,
      platformMessageId: ev.id,
      text,
      ...(m.source_app_id ? { appId: m.source_app_id } : {}),
    };
  }
  const media = m.message_data.attachment?.media;
  const attachments: Attachment[] = media
    ? [{ type: media.type ?? 'media', ...(media.media_url_https ? { url: media.media_url_https } : {}) }]
    : [];
  return {
    kind: 'message',
    eventId: ev.id,
    accountId,
    timestamp: ev.created_timestamp,
    customer: identity(m.sender_id, users[m.sender_id]),
    text,
    attachments,
  };
}

function tweetComment(t: z.output<typeof Tweet>, accountId: string): InboundEvent | undefined {
  // Our own posts and replies, and retweets (a share, not something said to us).
  if (t.user.id_str === accountId || t.retweeted_status) return undefined;
  const text = (t.truncated ? t.extended_tweet?.full_text : undefined) ?? t.full_text ?? t.text ?? '';
  return {
    kind: 'comment',
    eventId: t.id_str,
    accountId,
    timestamp: t.timestamp_ms ?? toEpochMs(t.created_at) ?? Date.now(),
    customer: identity(t.user.id_str, t.user),
    commentId: t.id_str,
    text,
    postId: t.in_reply_to_status_id_str ?? t.id_str,
    ...(t.user.screen_name ? { permalink: `https://x.com/${t.user.screen_name}/status/${t.id_str}` } : {}),
  };
}

function identity(id: string, user: z.output<typeof User> | undefined): CustomerIdentity {
  return {
    id,
    ...(user?.name ? { name: user.name } : {}),
    ...(user?.screen_name ? { username: user.screen_name } : {}),
  };
}
