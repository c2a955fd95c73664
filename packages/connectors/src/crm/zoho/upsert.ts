/**
 * Leads upserted with duplicate_check_fields = [ReplyForce_Contact_Id], a unique custom field
 * (§9.1): up to 100 per call, per-record results (202 when some fail). Last_Name is required only
 * to create, so a default goes only to the records Zoho refused for lacking it.
 */
import { ConnectorError } from '../../errors.ts';
import { assertBatch, mergeByKey } from '../shared/batch.ts';
import { KEY_FIELD } from '../shared/key-field.ts';
import { NOT_PROVIDED } from '../shared/text.ts';
import type { CrmRecordInput, CrmUpsertResult } from '../types.ts';
import { describeFailure, recordResults, type ZohoApi, type ZohoRecordResult } from './api.ts';
import { ensureKeyField } from './fields.ts';

export const ZOHO_BATCH = 100;
const KEY = KEY_FIELD.zoho;

function recordOf(r: CrmRecordInput, defaults: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...r.fields };
  if (r.email && !fields.Email) fields.Email = r.email;
  for (const [k, v] of Object.entries(defaults)) if (!fields[k]) fields[k] = v;
  // The owner is a lookup: Zoho takes `{ id }`.
  if (typeof fields.Owner === 'string') fields.Owner = { id: fields.Owner };
  return { ...fields, [KEY]: r.externalKey };
}

async function send(
  api: ZohoApi,
  records: CrmRecordInput[],
  defaults: Record<string, string>,
): Promise<ZohoRecordResult[]> {
  const request = async () =>
    recordResults(
      await api({
        method: 'POST',
        path: '/Leads/upsert',
        json: {
          data: records.map((r) => recordOf(r, defaults)),
          duplicate_check_fields: [KEY],
          trigger: ['workflow'],
        },
        label: 'Leads upsert',
      }),
    );
  try {
    return await request();
  } catch (err) {
    const missingKey =
      err instanceof ConnectorError && err.platformCode === 'INVALID_DATA' && err.message.includes(KEY);
    if (!missingKey) throw err;
    // First sync into this org: make the unique key field, then send the same records again.
    await ensureKeyField(api);
    return request();
  }
}

const missingLastName = (r: ZohoRecordResult | undefined) =>
  r?.code === 'MANDATORY_NOT_FOUND' && r.details?.api_name === 'Last_Name';

export async function upsertLeads(api: ZohoApi, records: CrmRecordInput[]): Promise<CrmUpsertResult[]> {
  assertBatch('zoho', records.length, ZOHO_BATCH);
  if (records.length === 0) return [];
  const { unique, fanOut } = mergeByKey(records);
  const first = await send(api, unique, {});
  const retry = unique.filter((_, i) => missingLastName(first[i]));
  const second = retry.length > 0 ? await send(api, retry, { Last_Name: NOT_PROVIDED }) : [];
  return fanOut(
    unique.map((r, i): CrmUpsertResult => {
      const j = retry.indexOf(r);
      const res = j >= 0 ? second[j] : first[i];
      const id = res?.details?.id;
      if (res?.status === 'success' && typeof id === 'string')
        return { externalKey: r.externalKey, ok: true, recordId: id, created: res.action === 'insert' };
      return {
        externalKey: r.externalKey,
        ok: false,
        kind: res ? 'permanent' : 'temporary',
        message: describeFailure(res),
      };
    }),
  );
}
