/**
 * Leads upserted through sObject Collections on the External ID field ReplyForce_Contact_Id__c
 * (§8.1, §8.2): up to 200 per call, per-record results. LastName and Company are only demanded on
 * create, so defaults are sent only for the records Salesforce refused for lacking them: sending
 * them always would overwrite what a salesperson typed on every update.
 */
import { ConnectorError } from '../../errors.ts';
import { assertBatch, mergeByKey } from '../shared/batch.ts';
import { KEY_FIELD } from '../shared/key-field.ts';
import { NOT_PROVIDED } from '../shared/text.ts';
import type { CrmRecordInput, CrmUpsertResult } from '../types.ts';
import type { SfConnection } from './connection.ts';
import { ensureKeyField } from './fields.ts';

export const SALESFORCE_BATCH = 200;
const KEY = KEY_FIELD.salesforce;

type SaveResult = {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: { statusCode?: string; message?: string; fields?: string[] }[];
};

function recordOf(r: CrmRecordInput, defaults: Record<string, string>) {
  const fields = { ...r.fields };
  if (r.email && !fields.Email) fields.Email = r.email;
  for (const [k, v] of Object.entries(defaults)) if (!fields[k]) fields[k] = v;
  return { attributes: { type: 'Lead' }, ...fields, [KEY]: r.externalKey };
}

async function send(
  conn: SfConnection,
  records: CrmRecordInput[],
  defaults: Record<string, string>,
): Promise<SaveResult[]> {
  const body = records.map((r) => recordOf(r, defaults));
  const request = async () =>
    (await conn.sobject('Lead').upsert(body as never, KEY, { allOrNone: false })) as unknown as SaveResult[];
  try {
    return await request();
  } catch (err) {
    const missingKey =
      err instanceof ConnectorError && err.platformCode === 'INVALID_FIELD' && err.message.includes(KEY);
    if (!missingKey) throw err;
    // First sync into this org: add the External ID field, then send the same records again.
    await ensureKeyField(conn);
    return request();
  }
}

const missingRequired = (s: SaveResult) => s.errors.some((e) => e.statusCode === 'REQUIRED_FIELD_MISSING');

export async function upsertLeads(conn: SfConnection, records: CrmRecordInput[]): Promise<CrmUpsertResult[]> {
  assertBatch('salesforce', records.length, SALESFORCE_BATCH);
  if (records.length === 0) return [];
  const { unique, fanOut } = mergeByKey(records);
  const first = await send(conn, unique, {});
  const retry = unique.filter((_, i) => first[i] && missingRequired(first[i] as SaveResult));
  const second =
    retry.length > 0 ? await send(conn, retry, { LastName: NOT_PROVIDED, Company: NOT_PROVIDED }) : [];
  const results = unique.map((r, i): CrmUpsertResult => {
    const j = retry.indexOf(r);
    const s = j >= 0 ? second[j] : first[i];
    if (s?.success && s.id)
      return { externalKey: r.externalKey, ok: true, recordId: s.id, created: s.created === true };
    const e = s?.errors[0];
    return {
      externalKey: r.externalKey,
      ok: false,
      kind: s ? 'permanent' : 'temporary',
      message: s
        ? `Salesforce ${e?.statusCode ?? 'error'}: ${e?.message ?? ''}`.slice(0, 1000)
        : 'Salesforce returned no result for this record',
    };
  });
  return fanOut(results);
}
