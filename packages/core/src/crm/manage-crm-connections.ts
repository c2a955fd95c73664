import type { CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmConnectionDto } from '@replyforce/contracts';
import {
  type CrmConnectionRow,
  findCrmConnection,
  listCrmConnections,
  lockTenantForCrm,
  refreshTenantCrmFlag,
  type Tx,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { toCrmConnectionDto } from './connection-dto.ts';
import { crmAuthFor } from './crm-connectors.ts';
import { openCredentials } from './crm-credentials.ts';

export async function listCrmIntegrations(deps: CoreDeps, tenantId: string): Promise<CrmConnectionDto[]> {
  const rows = await withTenant(deps.db, tenantId, (tx) => listCrmConnections(tx, tenantId));
  return rows.map(toCrmConnectionDto);
}

/** The tenant's connection, not disconnected; another tenant's id is simply not found. */
export async function liveCrmConnection(tx: Tx, tenantId: string, id: string): Promise<CrmConnectionRow> {
  const row = await findCrmConnection(tx, tenantId, id);
  if (!row || row.status === 'disconnected') throw new AppError('NOT_FOUND', 'No such CRM connection');
  return row;
}

/** Changes a connection's settings (what erasing a contact does to its CRM record). */
export async function updateCrmIntegration(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  patch: { eraseMode: 'delete' | 'anonymise' },
): Promise<CrmConnectionDto> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await liveCrmConnection(tx, actor.tenantId, id);
    const updated = await updateCrmConnection(tx, actor.tenantId, id, {
      settings: { ...row.settings, eraseMode: patch.eraseMode },
    });
    await recordAudit(tx, actor, {
      action: 'crm.settings_updated',
      resourceType: 'crm_connection',
      resourceId: id,
      result: 'success',
      metadata: { vendor: row.vendor, eraseMode: patch.eraseMode },
    });
    return toCrmConnectionDto(updated ?? row);
  });
}

/**
 * Disconnects: the token is revoked at the CRM (best effort: a CRM that is down must not keep a
 * workspace connected), the stored credentials are erased and syncing stops at once. Records
 * already in the CRM stay there.
 */
export async function disconnectCrm(deps: CoreDeps, actor: Actor, id: string): Promise<void> {
  const { row, creds } = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const found = await liveCrmConnection(tx, actor.tenantId, id);
    return { row: found, creds: await openCredentials(deps, tx, found) };
  });
  let revokeError: string | undefined;
  try {
    const auth = await crmAuthFor(deps, row.vendor as CrmVendor);
    if (auth.revoke && creds.accessToken) await auth.revoke(creds);
  } catch (err) {
    revokeError = err instanceof Error ? err.message.slice(0, 200) : String(err);
  }
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    await lockTenantForCrm(tx, actor.tenantId);
    await updateCrmConnection(tx, actor.tenantId, id, {
      status: 'disconnected',
      disconnectedAt: new Date(),
      credentials: await deps.vault.seal(tx, actor.tenantId, '{}'),
      expiresAt: null,
      busyUntil: null,
      busyBy: null,
    });
    await refreshTenantCrmFlag(tx, actor.tenantId);
    await recordAudit(tx, actor, {
      action: 'crm.disconnected',
      resourceType: 'crm_connection',
      resourceId: id,
      result: 'success',
      metadata: { vendor: row.vendor, accountId: row.accountId, ...(revokeError ? { revokeError } : {}) },
    });
  });
}
