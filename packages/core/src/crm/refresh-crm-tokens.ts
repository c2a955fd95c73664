import { ConnectorError } from '@replyforce/connectors';
import {
  listCrmConnectionsExpiringBefore,
  updateCrmConnection,
  withSystem,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { connectionCredentials } from './crm-credentials.ts';
import { markCrmNeedsReauth } from './mark-crm-needs-reauth.ts';

/** Tokens are refreshed this long before they expire (HubSpot's live 30 minutes). */
const AHEAD_MS = 15 * 60_000;

/**
 * The scheduler's CRM token refresh: every active connection whose access token expires soon gets
 * a new one, so syncs never start with a dead token. A refused refresh (access revoked in the CRM)
 * marks the connection needs_reauth and tells the admins.
 */
export async function refreshCrmTokens(deps: CoreDeps): Promise<number> {
  const due = await withSystem(deps.db, (tx) =>
    listCrmConnectionsExpiringBefore(tx, new Date(Date.now() + AHEAD_MS), 100),
  );
  let refreshed = 0;
  for (const { id, tenantId } of due) {
    try {
      await connectionCredentials(deps, tenantId, id, { aheadMs: AHEAD_MS });
      refreshed++;
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'auth_revoked') {
        await markCrmNeedsReauth(deps, tenantId, id, `token refresh refused: ${err.message}`);
        continue;
      }
      await withTenant(deps.db, tenantId, (tx) =>
        updateCrmConnection(tx, tenantId, id, {
          lastError: `token refresh failed: ${err instanceof Error ? err.message : String(err)}`.slice(
            0,
            500,
          ),
          lastErrorAt: new Date(),
        }),
      );
    }
  }
  return refreshed;
}
