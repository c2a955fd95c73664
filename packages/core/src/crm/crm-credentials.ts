import { ConnectorError } from '@replyforce/connectors';
import type { CrmCredentials, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import {
  type CrmConnectionRow,
  findCrmConnection,
  type Tx,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { crmAuthFor } from './crm-connectors.ts';

/** A token this close to expiry is refreshed before use rather than sent and refused. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

export async function sealCredentials(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  creds: CrmCredentials,
): Promise<string> {
  return deps.vault.seal(tx, tenantId, JSON.stringify(creds));
}

export async function openCredentials(
  deps: CoreDeps,
  tx: Tx,
  row: Pick<CrmConnectionRow, 'tenantId' | 'credentials'>,
): Promise<CrmCredentials> {
  return JSON.parse(await deps.vault.open(tx, row.tenantId, row.credentials)) as CrmCredentials;
}

/**
 * Fresh credentials for a connection: the stored ones, or new ones from the refresh token when
 * they expire within REFRESH_AHEAD_MS (or `force`, after the CRM refused them). The row is locked
 * for the refresh, so concurrent workers refresh once and the others read the result; vendors whose
 * refresh tokens rotate would otherwise revoke each other.
 */
export async function connectionCredentials(
  deps: CoreDeps,
  tenantId: string,
  connectionId: string,
  opts: { force?: boolean; aheadMs?: number } = {},
): Promise<{ row: CrmConnectionRow; creds: CrmCredentials }> {
  const ahead = opts.aheadMs ?? REFRESH_AHEAD_MS;
  const expiresSoon = (c: CrmCredentials) => c.expiresAt !== undefined && c.expiresAt < Date.now() + ahead;
  const quick = await withTenant(deps.db, tenantId, async (tx) => {
    const row = await findCrmConnection(tx, tenantId, connectionId);
    if (!row) return undefined;
    return { row, creds: await openCredentials(deps, tx, row) };
  });
  if (!quick) throw new ConnectorError('not_found', 'the CRM connection no longer exists');
  if (!opts.force && !expiresSoon(quick.creds)) return quick;
  return withTenant(deps.db, tenantId, async (tx) => {
    const row = await findCrmConnection(tx, tenantId, connectionId, { forUpdate: true });
    if (!row) throw new ConnectorError('not_found', 'the CRM connection no longer exists');
    const creds = await openCredentials(deps, tx, row);
    // Someone refreshed while this one waited for the lock.
    if (creds.accessToken !== quick.creds.accessToken) return { row, creds };
    if (!opts.force && !expiresSoon(creds)) return { row, creds };
    if (!creds.refreshToken)
      throw new ConnectorError('auth_revoked', 'the CRM refused the token and there is no refresh token');
    const fresh = await (await crmAuthFor(deps, row.vendor as CrmVendor)).refresh(creds);
    const merged: CrmCredentials = {
      ...creds,
      ...fresh,
      refreshToken: fresh.refreshToken ?? creds.refreshToken,
    };
    const updated = await updateCrmConnection(tx, tenantId, connectionId, {
      credentials: await sealCredentials(deps, tx, tenantId, merged),
      expiresAt: merged.expiresAt ? new Date(merged.expiresAt) : null,
    });
    return { row: updated ?? row, creds: merged };
  });
}
