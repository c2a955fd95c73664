import { invalid, notFound } from '../control/errors.ts';
import type { Poster } from '../webhooks/http-post.ts';
import type { CrmContext } from './context.ts';
import { deliverPropertyChanges, type WebhookDelivery } from './hubspot/webhook.ts';
import { updateRecord } from './records.ts';
import type { CrmAccount, CrmRecord, CrmVendor } from './types.ts';
import { checkValue } from './values.ts';

export type RecordChange = { owner?: string; status?: string };

export function requireCrmAccount(c: CrmContext, vendor: CrmVendor, accountId: string): CrmAccount {
  const account = c.store.account(vendor, accountId);
  if (!account)
    throw notFound(
      `No sandbox ${vendor} account ${accountId}; GET /control/crm/${vendor}/accounts lists them`,
    );
  return account;
}

/**
 * A salesperson reassigning a record or moving its status in the CRM's own UI: the record's modified
 * time moves (so a periodic pull sees it) and HubSpot tells the app through its webhook.
 */
export async function changeRecord(
  c: CrmContext,
  poster: Poster,
  vendor: CrmVendor,
  accountId: string,
  recordId: string,
  change: RecordChange,
): Promise<{ record: CrmRecord; webhook?: WebhookDelivery }> {
  const account = requireCrmAccount(c, vendor, accountId);
  const record = account.records.get(recordId);
  if (!record) throw notFound(`No record ${recordId} in ${vendor} account ${accountId}`);
  const spec = c.store.specs[vendor];
  const values: Record<string, string> = {};
  if (change.owner !== undefined) values[spec.ownerField] = change.owner;
  if (change.status !== undefined) values[spec.statusField] = change.status;
  for (const [field, value] of Object.entries(values)) {
    const def = account.fields.get(field);
    const problem = checkValue(def ? { ...def, readOnly: false } : undefined, field, value);
    if (problem)
      throw invalid(
        `${field}: '${value}' is not allowed; one of ${(problem.allowed ?? []).join(', ') || 'the vendor values'}`,
      );
  }
  const changed = Object.keys(values).filter((k) => record.values[k] !== values[k]);
  updateRecord(account, record, values, c.now());
  const webhook =
    vendor === 'hubspot' ? await deliverPropertyChanges(c, poster, account, record, changed) : undefined;
  return { record, ...(webhook ? { webhook } : {}) };
}
