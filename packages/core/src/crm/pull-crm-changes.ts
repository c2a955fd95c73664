import { ConnectorError } from '@replyforce/connectors';
import type { CrmVendor } from '@replyforce/connectors/crm/types.ts';
import { listCrmConnectionsToPull, updateCrmConnection, withSystem, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { applyCrmChanges } from './apply-crm-changes.ts';
import { crmConnectorFor } from './crm-connectors.ts';
import { connectionCredentials } from './crm-credentials.ts';
import { markCrmNeedsReauth } from './mark-crm-needs-reauth.ts';
import { takeCrmSlots } from './take-crm-slots.ts';

/** Vendors without webhooks for owner and status changes here: read periodically instead. */
export const PULLED_VENDORS = ['salesforce', 'zoho', 'pipedrive'] as const;
/** Each pull reads a little further back than the last one ended, for clocks and late commits. */
const OVERLAP_MS = 60_000;

/**
 * The periodic pull (issue 5, back from the CRM): for each connection due (none pulled within
 * CRM_PULL_INTERVAL_SECONDS), the records whose owner or status changed since the last pull are
 * applied to their leads. A refused token marks the connection needs_reauth.
 */
export async function pullCrmChanges(deps: CoreDeps): Promise<number> {
  const before = new Date(Date.now() - deps.config.crm.pullIntervalSeconds * 1000);
  const due = await withSystem(deps.db, (tx) => listCrmConnectionsToPull(tx, PULLED_VENDORS, before, 50));
  let applied = 0;
  for (const { id, tenantId } of due) {
    const started = new Date();
    try {
      const { row, creds } = await connectionCredentials(deps, tenantId, id);
      const connector = await crmConnectorFor(deps, row.vendor as CrmVendor, creds);
      if (!(await takeCrmSlots(deps, { connectionId: id, connector }, 1)).ok) continue;
      const since = new Date((row.lastPulledAt ?? row.createdAt).getTime() - OVERLAP_MS);
      applied += await applyCrmChanges(deps, tenantId, id, await connector.changesSince(since));
      await withTenant(deps.db, tenantId, (tx) =>
        updateCrmConnection(tx, tenantId, id, { lastPulledAt: started }),
      );
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'auth_revoked') {
        await markCrmNeedsReauth(deps, tenantId, id, err.message);
        continue;
      }
      await withTenant(deps.db, tenantId, (tx) =>
        updateCrmConnection(tx, tenantId, id, {
          lastError: `pull failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500),
          lastErrorAt: new Date(),
        }),
      );
    }
  }
  return applied;
}
