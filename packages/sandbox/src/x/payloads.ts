import { createHash } from 'node:crypto';
import { ACCOUNTS } from '../accounts.ts';
import { rawNumber } from '../webhooks/json.ts';

/** Account Activity payloads of platform-contracts.md §5.3: v1.1 objects, ids as numbers and strings. */

export type XUser = { id: string; name: string; screenName: string; createdAt?: number };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** v1.1 dates: "Mon May 19 14:01:46 +0000 2025". */
export function twitterDate(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} +0000 ${d.getUTCFullYear()}`;
}

/** The app that sends the business's DMs, with a numeric id like X app ids. */
export function appOf(clientId: string) {
  const id = String(createHash('sha256').update(clientId).digest().readUInt32BE(0) + 10_000_000);
  return { id, name: 'ReplyForce', url: 'https://replyforce.local' };
}
/** Customers write from X's own app. */
export const X_WEB_APP = { id: '3033300', name: 'X Web App', url: 'https://x.com' };

const EPOCH_2015 = Date.UTC(2015, 0, 1);

function dmUser(u: XUser) {
  return {
    id: u.id,
    created_timestamp: String(u.createdAt ?? EPOCH_2015),
    name: u.name,
    screen_name: u.screenName,
    protected: false,
    verified: false,
    followers_count: 0,
    friends_count: 0,
    statuses_count: 0,
    profile_image_url: 'http://pbs.twimg.com/profile_images/default_profile_normal.png',
    profile_image_url_https: 'https://pbs.twimg.com/profile_images/default_profile_normal.png',
  };
}

export function dmEventPayload(
  forUserId: string,
  e: { id: string; at: number; senderId: string; recipientId: string; text: string },
  users: XUser[],
  app: { id: string; name: string; url: string },
) {
  return {
    for_user_id: forUserId,
    direct_message_events: [
      {
        type: 'message_create',
        id: e.id,
        created_timestamp: String(e.at),
        message_create: {
          target: { recipient_id: e.recipientId },
          sender_id: e.senderId,
          source_app_id: app.id,
          message_data: {
            text: e.text,
            entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          },
        },
      },
    ],
    apps: { [app.id]: app },
    users: Object.fromEntries(users.map((u) => [u.id, dmUser(u)])),
  };
}

function tweetUser(u: XUser) {
  return {
    id: rawNumber(u.id),
    id_str: u.id,
    name: u.name,
    screen_name: u.screenName,
    location: null,
    url: null,
    description: null,
    protected: false,
    verified: false,
    followers_count: 0,
    friends_count: 0,
    listed_count: 0,
    favourites_count: 0,
    statuses_count: 0,
    created_at: twitterDate(u.createdAt ?? EPOCH_2015),
    profile_image_url_https: 'https://pbs.twimg.com/profile_images/default_profile_normal.png',
    default_profile: true,
    default_profile_image: false,
  };
}

/** @mentions of sandbox accounts in the text, with code-point indices like v1.1 entities. */
function mentions(text: string) {
  const chars = [...text];
  const joined = chars.join('');
  const out = [];
  for (const m of joined.matchAll(/@(\w{1,15})/g)) {
    const account = ACCOUNTS.find(
      (a) => a.platform === 'x' && a.username?.toLowerCase() === m[1]?.toLowerCase(),
    );
    if (!account) continue;
    const start = [...joined.slice(0, m.index)].length;
    out.push({
      screen_name: account.username,
      name: account.name,
      id: rawNumber(account.accountId),
      id_str: account.accountId,
      indices: [start, start + [...m[0]].length],
    });
  }
  return out;
}

export type TweetEvent = {
  id: string;
  at: number;
  text: string;
  author: XUser;
  inReplyTo?: { id: string; userId: string; screenName: string };
};

export function tweetObject(t: TweetEvent) {
  const chars = [...t.text];
  const entities = { hashtags: [], urls: [], user_mentions: mentions(t.text), symbols: [] };
  // Posts longer than 140 characters arrive truncated, the full text under extended_tweet.
  const truncated = chars.length > 140;
  return {
    created_at: twitterDate(t.at),
    id: rawNumber(t.id),
    id_str: t.id,
    text: truncated ? `${chars.slice(0, 139).join('')}…` : t.text,
    source: '<a href="https://x.com" rel="nofollow">X Web App</a>',
    truncated,
    in_reply_to_status_id: t.inReplyTo ? rawNumber(t.inReplyTo.id) : null,
    in_reply_to_status_id_str: t.inReplyTo?.id ?? null,
    in_reply_to_user_id: t.inReplyTo ? rawNumber(t.inReplyTo.userId) : null,
    in_reply_to_user_id_str: t.inReplyTo?.userId ?? null,
    in_reply_to_screen_name: t.inReplyTo?.screenName ?? null,
    user: tweetUser(t.author),
    geo: null,
    coordinates: null,
    place: null,
    contributors: null,
    is_quote_status: false,
    ...(truncated
      ? { extended_tweet: { full_text: t.text, display_text_range: [0, chars.length], entities } }
      : {}),
    quote_count: 0,
    reply_count: 0,
    retweet_count: 0,
    favorite_count: 0,
    entities: truncated
      ? { ...entities, user_mentions: entities.user_mentions.filter((m) => m.indices[1]! <= 139) }
      : entities,
    favorited: false,
    retweeted: false,
    filter_level: 'low',
    lang: 'en',
    timestamp_ms: String(t.at),
  };
}

export function tweetCreatePayload(forUserId: string, tweet: TweetEvent, mentionOfForUser: boolean) {
  return {
    for_user_id: forUserId,
    // Only present on @mentions of the subscribed user.
    ...(mentionOfForUser ? { user_has_blocked: 'false' } : {}),
    tweet_create_events: [tweetObject(tweet)],
  };
}
