import type { InboundEvent, Platform } from '@replyforce/connectors';
import { insertInboundEvents, type NewInboundEvent, withSystem } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

export type StoredDelivery = {
  /** Newly stored events, to dispatch once the platform has its 200. */
  stored: { tenantId: string; eventId: string }[];
  duplicates: number;
  /** Events for an account no tenant has connected: logged, not stored. */
  unknownAccounts: string[];
  /** Outside the replay window: dropped. */
  stale: number;
};

const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * The durable half of a webhook: every event of the delivery whose account is connected goes into
 * inbound_events in one statement, so the 200 means stored. Runs in the system context (the
 * receiver acts for the platform, not for a tenant user); rows still carry their tenant id and
 * every later read is tenant-scoped.
 */
export async function storeWebhookEvents(
  deps: CoreDeps,
  platform: Platform,
  events: InboundEvent[],
): Promise<StoredDelivery> {
  const now = Date.now();
  const oldest = now - deps.config.channels.replayWindowSeconds * 1000;
  const rows: NewInboundEvent[] = [];
  const unknownAccounts = new Set<string>();
  let stale = 0;
  for (const event of events) {
    if (event.timestamp < oldest || event.timestamp > now + FUTURE_SKEW_MS) {
      stale++;
      continue;
    }
    const route = await deps.router.resolve(platform, event.accountId);
    if (!route) {
      unknownAccounts.add(event.accountId);
      continue;
    }
    rows.push({
      id: crypto.randomUUID(),
      tenantId: route.tenantId,
      channelId: route.channelId,
      platformEventId: event.eventId,
      kind: event.kind,
      payload: event,
    });
  }
  // One event id may appear twice in one batch: keep the first, the unique key would reject the rest.
  const unique = [...new Map(rows.map((r) => [`${r.channelId}|${r.platformEventId}`, r])).values()];
  const inserted = new Set(unique.length ? await withSystem(deps.db, (tx) => insertInboundEvents(tx, unique)) : []);
  return {
    stored: unique.filter((r) => inserted.has(r.id)).map((r) => ({ tenantId: r.tenantId, eventId: r.id })),
    duplicates: rows.length - inserted.size,
    unknownAccounts: [...unknownAccounts],
    stale,
  };
}

/** Hands stored events to the inbound queue; a lost dispatch is picked up by the sweeper. */
export async function dispatchInboundEvents(
  deps: CoreDeps,
  stored: { tenantId: string; eventId: string }[],
): Promise<void> {
  await Promise.all(
    stored.map((s) =>
      deps.queue.dispatch('inbound.process', s, { jobId: `inbound-${s.eventId}` }),
    ),
  );
}
