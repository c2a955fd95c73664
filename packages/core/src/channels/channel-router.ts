import type { Platform } from '@replyforce/connectors';
import { type ChannelRoute, type Database, findChannelRoutes, withSystem } from '@replyforce/db';

/**
 * Maps (platform, account id) → tenant channel for the webhook receivers, which must answer fast
 * and do not know the tenant yet. Cached per platform for a few seconds; connect and disconnect
 * invalidate this process's copy, and the inbound worker re-checks the channel status anyway.
 */
export type ChannelRouter = {
  resolve(platform: Platform, accountId: string): Promise<ChannelRoute | undefined>;
  invalidate(platform?: Platform): void;
};

export function createChannelRouter(db: Database, ttlMs = 5_000): ChannelRouter {
  const cache = new Map<Platform, { at: number; routes: Promise<Map<string, ChannelRoute>> }>();

  function load(platform: Platform): Promise<Map<string, ChannelRoute>> {
    const hit = cache.get(platform);
    if (hit && Date.now() - hit.at < ttlMs) return hit.routes;
    const routes = withSystem(db, (tx) => findChannelRoutes(tx, platform)).then(
      (rows) => new Map(rows.map((r) => [r.accountId, r])),
    );
    // A failed load is not cached: the next webhook tries again.
    routes.catch(() => cache.delete(platform));
    cache.set(platform, { at: Date.now(), routes });
    return routes;
  }

  return {
    async resolve(platform, accountId) {
      return (await load(platform)).get(accountId);
    },
    invalidate(platform) {
      if (platform) cache.delete(platform);
      else cache.clear();
    },
  };
}
