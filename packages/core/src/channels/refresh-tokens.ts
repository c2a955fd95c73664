import { type AccountCredentials, ConnectorError } from '@replyforce/connectors';
import {
  listChannelsExpiringBefore,
  lockChannelForRefresh,
  updateChannel,
  withSystem,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { markNeedsReauth } from './handle-channel-failure.ts';

/** Tokens are refreshed this long before they expire (X access tokens live 2 hours). */
const REFRESH_AHEAD_MS = 15 * 60_000;

/**
 * The scheduler's token refresh: every channel whose token expires soon gets a fresh one, sealed
 * like the first. A refused refresh (the person revoked our access) marks the channel needs_reauth.
 */
export async function refreshExpiringTokens(deps: CoreDeps): Promise<number> {
  const due = await withSystem(deps.db, (tx) =>
    listChannelsExpiringBefore(tx, new Date(Date.now() + REFRESH_AHEAD_MS), 100),
  );
  let refreshed = 0;
  for (const { id, tenantId } of due) {
    const outcome = await withTenant(deps.db, tenantId, async (tx) => {
      const channel = await lockChannelForRefresh(tx, tenantId, id);
      if (channel?.status !== 'active' || !channel.tokenExpiresAt) return 'skipped';
      if (channel.tokenExpiresAt.getTime() > Date.now() + REFRESH_AHEAD_MS) return 'skipped';
      const connector = deps.channels[channel.platform];
      if (!connector.refreshCredentials) return 'skipped';
      const credentials = JSON.parse(
        await deps.vault.open(tx, tenantId, channel.credentials),
      ) as AccountCredentials;
      try {
        const fresh = await connector.refreshCredentials({
          accountId: channel.accountId,
          extra: channel.extra,
          credentials,
        });
        await updateChannel(tx, tenantId, id, {
          credentials: await deps.vault.seal(tx, tenantId, JSON.stringify(fresh)),
          tokenExpiresAt: fresh.expiresAt ? new Date(fresh.expiresAt) : null,
        });
        return 'refreshed';
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'auth_revoked') return err.message;
        await updateChannel(tx, tenantId, id, {
          lastError: `token refresh failed: ${err instanceof Error ? err.message : String(err)}`.slice(
            0,
            500,
          ),
          lastErrorAt: new Date(),
        });
        return 'skipped';
      }
    });
    if (outcome === 'refreshed') refreshed++;
    else if (outcome !== 'skipped')
      await markNeedsReauth(deps, tenantId, id, `token refresh refused: ${outcome}`);
  }
  return refreshed;
}
