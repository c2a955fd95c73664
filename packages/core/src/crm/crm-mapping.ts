import { ConnectorError } from '@replyforce/connectors';
import type { CrmField, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import { CRM_SOURCE_FIELDS, type CrmSourceField } from '@replyforce/contracts';
import {
  listCrmFieldMappings,
  replaceCrmFieldMappings,
  updateCrmConnection,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { connectorError } from './connector-failure.ts';
import { crmConnectorFor } from './crm-connectors.ts';
import { connectionCredentials } from './crm-credentials.ts';
import { CUSTOM_FIELDS, type MappingEntry } from './default-mapping.ts';
import { liveCrmConnection } from './manage-crm-connections.ts';

const TAGS = ['HOT', 'WARM', 'COLD'];

export async function getCrmMapping(deps: CoreDeps, tenantId: string, connectionId: string) {
  const rows = await withTenant(deps.db, tenantId, async (tx) => {
    await liveCrmConnection(tx, tenantId, connectionId);
    return listCrmFieldMappings(tx, tenantId, connectionId);
  });
  return {
    items: rows.map((r) => ({ source: r.source as CrmSourceField, target: r.target, valueMap: r.valueMap })),
  };
}

/** The CRM's field list: the cached one, or fetched now (and cached) when asked or never read. */
export async function listCrmFields(
  deps: CoreDeps,
  tenantId: string,
  connectionId: string,
  opts: { refresh?: boolean } = {},
): Promise<{ items: CrmField[]; fetchedAt: string }> {
  const row = await withTenant(deps.db, tenantId, (tx) => liveCrmConnection(tx, tenantId, connectionId));
  if (!opts.refresh && row.fields && row.fieldsFetchedAt)
    return { items: row.fields as CrmField[], fetchedAt: row.fieldsFetchedAt.toISOString() };
  const items = await fetchFields(deps, tenantId, connectionId, []);
  return { items, fetchedAt: new Date().toISOString() };
}

/** Reads the fields from the CRM (creating ReplyForce's own custom ones first, if named) and caches them. */
async function fetchFields(
  deps: CoreDeps,
  tenantId: string,
  connectionId: string,
  create: Array<Pick<CrmField, 'name' | 'label' | 'type'>>,
): Promise<CrmField[]> {
  const { row, creds } = await connectionCredentials(deps, tenantId, connectionId);
  const vendor = row.vendor as CrmVendor;
  let fields: CrmField[];
  try {
    const connector = await crmConnectorFor(deps, vendor, creds);
    if (create.length > 0) await connector.ensureFields(create);
    fields = await connector.listFields();
  } catch (err) {
    throw connectorError(vendor, err);
  }
  await withTenant(deps.db, tenantId, (tx) =>
    updateCrmConnection(tx, tenantId, connectionId, { fields, fieldsFetchedAt: new Date() }),
  );
  return fields;
}

/**
 * Replaces the mapping after checking it against the CRM's field list, fetched now: every target
 * must exist and be writable, appear once, and every mapped value must be one the field accepts.
 * ReplyForce's own custom properties are created first when the mapping names them.
 */
export async function putCrmMapping(
  deps: CoreDeps,
  actor: Actor,
  connectionId: string,
  items: { source: CrmSourceField; target: string; valueMap?: Record<string, string> | null | undefined }[],
) {
  const row = await withTenant(deps.db, actor.tenantId, (tx) =>
    liveCrmConnection(tx, actor.tenantId, connectionId),
  );
  const ours = (CUSTOM_FIELDS[row.vendor as CrmVendor] ?? []).filter((f) =>
    items.some((i) => i.target === f.name),
  );
  const fields = await fetchFields(deps, actor.tenantId, connectionId, ours).catch((err: unknown) => {
    if (err instanceof ConnectorError) throw connectorError(row.vendor, err);
    throw err;
  });
  const problems = checkMapping(items, fields);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `The mapping does not fit the ${row.vendor} fields`, {
      details: problems,
    });
  const entries: MappingEntry[] = items.map((i) => ({
    source: i.source,
    target: i.target,
    valueMap: i.valueMap ?? null,
  }));
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    await replaceCrmFieldMappings(tx, actor.tenantId, connectionId, entries);
    await recordAudit(tx, actor, {
      action: 'crm.mapping_updated',
      resourceType: 'crm_connection',
      resourceId: connectionId,
      result: 'success',
      metadata: { vendor: row.vendor, targets: entries.map((e) => e.target) },
    });
  });
  return { items: entries };
}

type Problem = { index: number; target: string; message: string };

function checkMapping(
  items: { source: CrmSourceField; target: string; valueMap?: Record<string, string> | null | undefined }[],
  fields: CrmField[],
): Problem[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const [index, item] of items.entries()) {
    const say = (message: string) => problems.push({ index, target: item.target, message });
    if (!CRM_SOURCE_FIELDS.includes(item.source)) say(`Unknown source ${item.source}`);
    const field = byName.get(item.target);
    if (!field) {
      say(`The CRM has no field named ${item.target}`);
      continue;
    }
    if (field.readOnly) say(`${item.target} is read-only in the CRM`);
    if (seen.has(item.target)) say(`${item.target} is mapped more than once`);
    seen.add(item.target);
    const options = field.options ?? [];
    if (item.source === 'lead_tag' && options.length > 0) {
      const missing = TAGS.filter((t) => !item.valueMap?.[t]);
      if (missing.length > 0)
        say(`${item.target} takes fixed values: map ${missing.join(', ')} to one of them`);
    }
    for (const [from, to] of Object.entries(item.valueMap ?? {})) {
      if (options.length > 0 && !options.includes(to))
        say(`${to} (for ${from}) is not a value of ${item.target}; it takes ${options.join(', ')}`);
    }
  }
  return problems;
}
