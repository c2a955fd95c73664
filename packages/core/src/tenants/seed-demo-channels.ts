import type { GrantedAccount } from '@replyforce/connectors';
import { findTenantBySlug, withSystem, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import { saveGrantedAccounts } from '../channels/save-granted-accounts.ts';
import type { CoreDeps } from '../deps.ts';
import { DEMO } from './seed-demo.ts';

/**
 * Connects the demo workspace to one sandbox account per platform, as if an admin had gone
 * through each consent page (the sandbox issues the same tokens its OAuth flow would).
 */
export async function seedDemoChannels(deps: CoreDeps, accounts: GrantedAccount[]): Promise<number> {
  const tenant = await withSystem(deps.db, (tx) => findTenantBySlug(tx, DEMO.slug));
  if (!tenant) return 0;
  const saved = await withTenant(deps.db, tenant.id, async (tx) => {
    const rows = await saveGrantedAccounts(deps, tx, tenant.id, null, accounts);
    await recordAudit(
      tx,
      { tenantId: tenant.id, ip: undefined },
      {
        action: 'channel.connected',
        resourceType: 'channel',
        result: 'success',
        metadata: {
          seeded: true,
          accounts: rows.map((r) => ({ platform: r.platform, accountId: r.accountId })),
        },
      },
    );
    return rows;
  });
  deps.router.invalidate();
  return saved.length;
}
