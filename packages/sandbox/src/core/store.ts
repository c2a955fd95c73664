import { SEED_TEMPLATES } from '../accounts.ts';
import type { SandboxCaps } from '../options.ts';
import type {
  CommentRecord,
  Contact,
  Customer,
  MessageTemplate,
  Platform,
  Subscription,
  ThreadEntry,
  TweetRecord,
  XWebhook,
} from '../types.ts';
import { cap, newest, pushCapped, touch } from './capped.ts';

/** What the state file holds; the sent log is rebuilt from the threads. */
export type PersistedState = {
  version: 1;
  subscriptions: Record<string, Subscription>;
  generations: Record<string, number>;
  usedRefreshTokens: string[];
  contacts: Record<string, Contact>;
  threads: Record<string, ThreadEntry[]>;
  comments: CommentRecord[];
  tweets: TweetRecord[];
  xWebhooks: XWebhook[];
  templates: MessageTemplate[];
};

/** Subscriptions are per Page (facebook), Instagram account, WhatsApp business account or X user. */
export type SubscriptionKey = `${Platform}:${string}`;

const contactKey = (platform: Platform, accountId: string, customerId: string) =>
  `${platform}:${accountId}:${customerId}`;

export type Store = ReturnType<typeof createStore>;

export function createStore(caps: SandboxCaps, onChange: () => void = () => {}) {
  const subscriptions = new Map<string, Subscription>();
  const generations = new Map<string, number>();
  const usedRefresh = new Set<string>();
  const contacts = new Map<string, Contact>();
  const threads = new Map<string, ThreadEntry[]>();
  const sent: ThreadEntry[] = [];
  const comments = new Map<string, CommentRecord>();
  const tweets = new Map<string, TweetRecord>();
  const xWebhooks = new Map<string, XWebhook>();
  const templates: MessageTemplate[] = SEED_TEMPLATES.map((t) => ({ ...t }));
  let changed = onChange;

  const pushSent = (entry: ThreadEntry) => pushCapped(sent, entry, caps.sent);

  return {
    set onChange(fn: () => void) {
      changed = fn;
    },
    changed: () => changed(),

    subscription: (key: SubscriptionKey) => subscriptions.get(key),
    subscribe(key: SubscriptionKey, fields: string[], now: number) {
      const existing = subscriptions.get(key);
      // Fields accumulate like repeated POSTs to subscribed_apps do for one app.
      const merged = [...new Set([...(existing?.fields ?? []), ...fields])];
      subscriptions.set(key, { fields: merged, since: existing?.since ?? now });
      changed();
    },
    unsubscribe(key: SubscriptionKey) {
      const had = subscriptions.delete(key);
      if (had) changed();
      return had;
    },

    generation: (platform: Platform, accountId: string) => generations.get(`${platform}:${accountId}`) ?? 0,
    revoke(platform: Platform, accountId: string) {
      const key = `${platform}:${accountId}`;
      generations.set(key, (generations.get(key) ?? 0) + 1);
      changed();
    },

    /** Marks a refresh token used; false when it already was (X refresh tokens are single use). */
    useRefreshToken(nonce: string): boolean {
      if (usedRefresh.has(nonce)) return false;
      usedRefresh.add(nonce);
      for (const old of usedRefresh) {
        if (usedRefresh.size <= caps.usedRefreshTokens) break;
        usedRefresh.delete(old);
      }
      changed();
      return true;
    },

    contact: (platform: Platform, accountId: string, customerId: string) =>
      contacts.get(contactKey(platform, accountId, customerId)),
    /** Records a customer; `inboundAt` (a DM they sent) moves the 24-hour window forward, never back. */
    touchContact(platform: Platform, accountId: string, customer: Customer, now: number, inboundAt?: number) {
      const key = contactKey(platform, accountId, customer.id);
      const prev = contacts.get(key);
      const next: Contact = {
        ...prev,
        ...stripUndefined(customer),
        id: customer.id,
        firstSeenAt: prev?.firstSeenAt ?? now,
      };
      const last = Math.max(
        prev?.lastInboundAt ?? Number.NEGATIVE_INFINITY,
        inboundAt ?? Number.NEGATIVE_INFINITY,
      );
      if (Number.isFinite(last)) next.lastInboundAt = last;
      touch(contacts, key, next);
      cap(contacts, caps.contacts);
      changed();
      return next;
    },

    append(entry: ThreadEntry) {
      const key = contactKey(entry.platform, entry.accountId, entry.customerId);
      const list = threads.get(key) ?? [];
      pushCapped(list, entry, caps.threadMessages);
      touch(threads, key, list);
      cap(threads, caps.threads);
      if (entry.direction === 'out') pushSent(entry);
      changed();
    },
    thread: (platform: Platform, accountId: string, customerId: string): readonly ThreadEntry[] =>
      newest(threads.get(contactKey(platform, accountId, customerId)) ?? [], caps.threadMessages),
    /** Outbound entries accepted at or after `since`, oldest first. */
    sentSince(since: number, limit: number): ThreadEntry[] {
      const out: ThreadEntry[] = [];
      for (let i = Math.max(0, sent.length - caps.sent); i < sent.length; i++) {
        const entry = sent[i] as ThreadEntry;
        if (entry.at < since) continue;
        out.push(entry);
        if (out.length >= limit) break;
      }
      return out;
    },

    comment: (id: string) => comments.get(id),
    addComment(comment: CommentRecord) {
      comments.set(comment.id, comment);
      cap(comments, caps.posts);
      changed();
    },
    tweet: (id: string) => tweets.get(id),
    addTweet(tweet: TweetRecord) {
      tweets.set(tweet.id, tweet);
      cap(tweets, caps.posts);
      changed();
    },

    xWebhooks,
    templates,

    snapshot(): PersistedState {
      return {
        version: 1,
        subscriptions: Object.fromEntries(subscriptions),
        generations: Object.fromEntries(generations),
        usedRefreshTokens: [...usedRefresh],
        contacts: Object.fromEntries(contacts),
        threads: Object.fromEntries(threads),
        comments: [...comments.values()],
        tweets: [...tweets.values()],
        xWebhooks: [...xWebhooks.values()],
        templates: templates.filter((t) => !SEED_TEMPLATES.some((s) => s.id === t.id)),
      };
    },
    restore(state: PersistedState) {
      for (const [k, v] of Object.entries(state.subscriptions ?? {})) subscriptions.set(k, v);
      for (const [k, v] of Object.entries(state.generations ?? {})) generations.set(k, v);
      for (const n of state.usedRefreshTokens ?? []) usedRefresh.add(n);
      for (const [k, v] of Object.entries(state.contacts ?? {})) contacts.set(k, v);
      const outbound: ThreadEntry[] = [];
      for (const [k, list] of Object.entries(state.threads ?? {})) {
        threads.set(k, list);
        for (const e of list) if (e.direction === 'out') outbound.push(e);
      }
      outbound.sort((a, b) => a.at - b.at);
      for (const e of outbound) pushSent(e);
      for (const c of state.comments ?? []) comments.set(c.id, c);
      for (const t of state.tweets ?? []) tweets.set(t.id, t);
      for (const w of state.xWebhooks ?? []) xWebhooks.set(w.id, w);
      for (const t of state.templates ?? []) templates.push(t);
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
