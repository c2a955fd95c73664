import type { Channel } from './dispatcher.ts';

/**
 * How the platforms fold several events into one webhook delivery (platform-contracts.md §1.3, §4,
 * §5.3). Meta: one `entry` per Page / Instagram account / WABA, its `messaging` or `changes` in
 * time order. X: one payload per subscribed user and event type, the `users` and `apps` maps merged.
 */

type Json = Record<string, unknown>;

/** Payloads with the same key may share a delivery; `events` counts them against the batch cap. */
export type BatchShape = { key: string; events: number };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entry's event list: Messenger and Instagram DMs under `messaging`, the rest under `changes`. */
function entryList(entry: unknown): { kind: 'messaging' | 'changes'; items: unknown[] } | undefined {
  if (!isObject(entry) || typeof entry.id !== 'string') return undefined;
  if (Array.isArray(entry.messaging) && entry.changes === undefined)
    return { kind: 'messaging', items: entry.messaging };
  if (Array.isArray(entry.changes) && entry.messaging === undefined)
    return { kind: 'changes', items: entry.changes };
  return undefined;
}

/** The single `<type>_events` array of an X payload (DMs, posts, favorites, …). */
function xEventsKey(payload: Json): string | undefined {
  const keys = Object.keys(payload).filter((k) => k.endsWith('_events') && Array.isArray(payload[k]));
  return keys.length === 1 ? keys[0] : undefined;
}

/** Undefined for a payload of a shape the sandbox does not merge: it is then sent on its own. */
export function batchShape(channel: Channel, payload: unknown): BatchShape | undefined {
  if (!isObject(payload)) return undefined;
  if (channel === 'twitter') {
    const eventsKey = xEventsKey(payload);
    if (typeof payload.for_user_id !== 'string' || eventsKey === undefined) return undefined;
    // `user_has_blocked` describes the whole payload (present on @mentions only), so it splits batches.
    const blocked = payload.user_has_blocked === undefined ? '' : String(payload.user_has_blocked);
    return {
      key: `twitter|${payload.for_user_id}|${eventsKey}|${blocked}`,
      events: (payload[eventsKey] as unknown[]).length,
    };
  }
  if (typeof payload.object !== 'string' || !Array.isArray(payload.entry)) return undefined;
  let events = 0;
  for (const entry of payload.entry) {
    const list = entryList(entry);
    if (!list) return undefined;
    events += list.items.length;
  }
  return { key: `${channel}|${payload.object}`, events };
}

/** Payloads that share a batch key, merged into the one body the platform would send. */
export function mergePayloads(channel: Channel, payloads: readonly unknown[]): unknown {
  const objects = payloads.filter(isObject);
  return channel === 'twitter' ? mergeX(objects) : mergeMeta(objects);
}

function mergeX(payloads: readonly Json[]): Json {
  const first = payloads[0] ?? {};
  const eventsKey = xEventsKey(first) ?? 'direct_message_events';
  const events: unknown[] = [];
  const users: Json = {};
  const apps: Json = {};
  for (const p of payloads) {
    events.push(...(p[eventsKey] as unknown[]));
    if (isObject(p.users)) Object.assign(users, p.users);
    if (isObject(p.apps)) Object.assign(apps, p.apps);
  }
  // Spreading the first payload keeps X's key order; the maps hold every event's users and apps.
  const merged: Json = { ...first, [eventsKey]: events };
  if ('apps' in first || Object.keys(apps).length > 0) merged.apps = apps;
  if ('users' in first || Object.keys(users).length > 0) merged.users = users;
  return merged;
}

type MergedEntry = { base: Json; kind: 'messaging' | 'changes'; items: unknown[]; time: unknown };

/**
 * Entries for the same account and kind become one; their time is the latest (when Meta sent the
 * batch). Messaging entries carry ms and `changes` entries seconds, so the two never merge.
 */
function mergeMeta(payloads: readonly Json[]): Json {
  const entries = new Map<string, MergedEntry>();
  for (const p of payloads) {
    for (const entry of p.entry as Json[]) {
      const list = entryList(entry);
      if (!list) continue;
      const key = `${entry.id as string}|${list.kind}`;
      const found = entries.get(key);
      if (!found) {
        entries.set(key, { base: entry, kind: list.kind, items: [...list.items], time: entry.time });
        continue;
      }
      found.items.push(...list.items);
      if (typeof entry.time === 'number' && (typeof found.time !== 'number' || entry.time > found.time))
        found.time = entry.time;
    }
  }
  const entry = [...entries.values()].map((e) => ({
    ...e.base,
    ...(e.time !== undefined ? { time: e.time } : {}),
    [e.kind]: inTimeOrder(e.kind, e.items),
  }));
  return { ...payloads[0], entry };
}

/** The event's own time in its entry's unit (ms for messaging, seconds for changes), if it has one. */
function eventTime(kind: 'messaging' | 'changes', item: unknown): number | undefined {
  if (!isObject(item)) return undefined;
  if (kind === 'messaging') {
    const receipt = [item.delivery, item.read].find(isObject);
    const t = item.timestamp ?? receipt?.watermark;
    return typeof t === 'number' ? t : undefined;
  }
  const value = isObject(item.value) ? item.value : {};
  const first = [value.messages, value.statuses].find(Array.isArray)?.[0];
  const t = value.created_time ?? (isObject(first) ? first.timestamp : undefined);
  const n = typeof t === 'string' ? Number(t) : t;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Stable sort by event time. An event without a time of its own (an Instagram comment) keeps its
 * place after the event handed over before it.
 */
function inTimeOrder(kind: 'messaging' | 'changes', items: readonly unknown[]): unknown[] {
  let previous = Number.NEGATIVE_INFINITY;
  const timed = items.map((item) => {
    previous = eventTime(kind, item) ?? previous;
    return { item, at: previous };
  });
  return timed.sort((a, b) => a.at - b.at).map((t) => t.item);
}
