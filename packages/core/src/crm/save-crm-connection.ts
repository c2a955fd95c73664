import { ConnectorError } from '@replyforce/connectors';
import type { CrmCredentials, CrmField, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmConnectionDto } from '@replyforce/contracts';
import {
  findLiveCrmConnection,
  insertCrmConnection,
  lockTenantForCrm,
  queueAllLeadsForCrm,
  refreshTenantCrmFlag,
  replaceCrmFieldMappings,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { toCrmConnectionDto } from './connection-dto.ts';
import { connectorError } from './connector-failure.ts';
import { crmConnectorFor } from './crm-connectors.ts';
import { sealCredentials } from './crm-credentials.ts';
import { CUSTOM_FIELDS, defaultMapping } from './default-mapping.ts';

/**
 * Stores a freshly authorised connection (or new credentials for the tenant's live one of that
 * vendor): creates the custom properties ReplyForce maps to where the CRM allows it, reads the
 * field list, writes the default mapping for a new connection, queues the tenant's existing leads
 * and switches the tenant's CRM flag on.
 */
export async function saveCrmConnection(
  deps: CoreDeps,
  actor: Actor,
  p: {
    vendor: CrmVendor;
    authType: 'oauth' | 'token';
    creds: CrmCredentials;
    eraseMode?: 'delete' | 'anonymise';
  },
): Promise<CrmConnectionDto> {
  const connector = await crmConnectorFor(deps, p.vendor, p.creds);
  let fields: CrmField[];
  try {
    const wanted = CUSTOM_FIELDS[p.vendor];
    // A CRM that refuses custom properties (a plan or a permission) still connects; the default
    // mapping then leaves out the fields that do not exist.
    if (wanted?.length)
      await connector.ensureFields(wanted).catch((err: unknown) => {
        if (!(err instanceof ConnectorError && err.kind === 'permanent')) throw err;
      });
    fields = await connector.listFields();
  } catch (err) {
    throw connectorError(p.vendor, err);
  }
  const row = await withTenant(deps.db, actor.tenantId, async (tx) => {
    await lockTenantForCrm(tx, actor.tenantId);
    const existing = await findLiveCrmConnection(tx, actor.tenantId, p.vendor);
    const common = {
      status: 'active' as const,
      authType: p.authType,
      credentials: await sealCredentials(deps, tx, actor.tenantId, p.creds),
      accountId: p.creds.accountId ?? null,
      expiresAt: p.creds.expiresAt ? new Date(p.creds.expiresAt) : null,
      authFailures: 0,
      fields,
      fieldsFetchedAt: new Date(),
      lastError: null,
      lastErrorAt: null,
      connectedBy: actor.userId,
    };
    let id = existing?.id;
    if (existing) {
      await updateCrmConnection(tx, actor.tenantId, existing.id, {
        ...common,
        settings: { ...existing.settings, ...(p.eraseMode ? { eraseMode: p.eraseMode } : {}) },
      });
    } else {
      id = crypto.randomUUID();
      await insertCrmConnection(tx, {
        id,
        tenantId: actor.tenantId,
        vendor: p.vendor,
        ...common,
        settings: { eraseMode: p.eraseMode ?? 'delete' },
      });
      await replaceCrmFieldMappings(tx, actor.tenantId, id, defaultMapping(p.vendor, fields));
    }
    const connectionId = id as string;
    const queued = await queueAllLeadsForCrm(tx, actor.tenantId, connectionId);
    await refreshTenantCrmFlag(tx, actor.tenantId);
    await recordAudit(tx, actor, {
      action: existing ? 'crm.reconnected' : 'crm.connected',
      resourceType: 'crm_connection',
      resourceId: connectionId,
      result: 'success',
      metadata: { vendor: p.vendor, authType: p.authType, accountId: p.creds.accountId ?? null, queued },
    });
    return updateCrmConnection(tx, actor.tenantId, connectionId, {});
  });
  return toCrmConnectionDto(row!);
}
