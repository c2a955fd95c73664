import type { RealtimeEvent } from '@replyforce/contracts';
import { Redis } from 'ioredis';

export type EventListener = (tenantId: string, event: RealtimeEvent) => void;

/**
 * Fans realtime events out to every API process's WebSocket clients. Best-effort by design: an event
 * lost to a Redis outage only delays a dashboard update, because the database stays the source of
 * truth and a dashboard refetches on (re)connect. So publish() never throws into business logic.
 */
export interface EventBus {
  publish(tenantId: string, event: RealtimeEvent): Promise<void>;
  /** Every tenant's events; the caller filters (the WebSocket plugin sends each to its tenant). */
  subscribe(listener: EventListener): () => void;
  /** Resolves once events published elsewhere can arrive (Redis: the subscription is live). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function fanOut(listeners: Set<EventListener>, tenantId: string, event: RealtimeEvent): void {
  for (const listener of listeners) {
    try {
      listener(tenantId, event);
    } catch {
      // One broken listener must not keep the event from the others, nor fail the publisher.
    }
  }
}

/** One process (embedded mode): publish calls the listeners directly. */
export function createMemoryEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    async publish(tenantId, event) {
      fanOut(listeners, tenantId, event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ready() {},
    async close() {
      listeners.clear();
    },
  };
}

function parseMessage(raw: string): { tenantId: string; event: RealtimeEvent } | undefined {
  try {
    const m = JSON.parse(raw) as { tenantId?: unknown; event?: Partial<RealtimeEvent> };
    const e = m.event;
    if (typeof m.tenantId !== 'string' || !e || typeof e.type !== 'string' || typeof e.at !== 'string')
      return undefined;
    if (typeof e.data !== 'object' || e.data === null) return undefined;
    return { tenantId: m.tenantId, event: e as RealtimeEvent };
  } catch {
    return undefined;
  }
}

/**
 * Redis pub/sub on one channel: every API process receives every event and keeps those of the
 * tenants it has sockets for. The subscriber has a connection of its own (a subscribed connection
 * can do nothing else); ioredis reconnects both and re-subscribes after a Redis restart.
 */
export function createRedisEventBus(
  redisUrl: string,
  opts: { channel?: string; publishTimeoutMs?: number } = {},
): EventBus {
  const channel = opts.channel ?? 'rf:realtime';
  const publishTimeoutMs = opts.publishTimeoutMs ?? 1_000;
  const listeners = new Set<EventListener>();
  // One retry, then a publish during an outage fails fast instead of queueing stale events.
  // Auto-pipelining: the events of one job (message, status, conversation) share one write.
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null, connectionName: `${channel}:sub` });
  // Outages surface as missing updates, not as crashes or log floods.
  pub.on('error', () => {});
  sub.on('error', () => {});
  sub.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    const m = parseMessage(raw);
    if (m) fanOut(listeners, m.tenantId, m.event);
  });
  const subscribed = sub.subscribe(channel).then(
    () => {},
    () => {}, // only when closed before Redis was ever reachable
  );

  return {
    async publish(tenantId, event) {
      const sent = pub.publish(channel, JSON.stringify({ tenantId, event }));
      sent.catch(() => {}); // it may still fail after the timeout below has given up on it
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, publishTimeoutMs);
        timer.unref();
      });
      try {
        await Promise.race([sent, timeout]);
      } catch {
        // Best-effort: see EventBus.
      } finally {
        clearTimeout(timer);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => subscribed,
    async close() {
      listeners.clear();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
