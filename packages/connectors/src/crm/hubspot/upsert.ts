/**
 * Batch upsert of contacts (§7.1): by email when there is one, else by the unique custom property
 * replyforce_contact_id, which every contact also carries. Each input's objectWriteTraceId is its
 * external key, so results and 207 errors map back to inputs whatever their order.
 */
import type { SimplePublicObjectBatchInputUpsert } from '@hubspot/api-client/lib/codegen/crm/contacts/models/SimplePublicObjectBatchInputUpsert.js';
import type { StandardError } from '@hubspot/api-client/lib/codegen/crm/contacts/models/StandardError.js';
import { assertBatch, mergeByKey } from '../shared/batch.ts';
import { KEY_FIELD } from '../shared/key-field.ts';
import type { CrmRecordInput, CrmUpsertResult } from '../types.ts';
import type { HubspotCall } from './client.ts';
import { HubspotError } from './failures.ts';
import { ensureKeyProperty } from './fields.ts';

export const HUBSPOT_BATCH = 100;
const KEY = KEY_FIELD.hubspot;

/** By email when there is one (it finds contacts the sales team made), else by ReplyForce's key. */
function inputOf(r: CrmRecordInput, byKey = false): SimplePublicObjectBatchInputUpsert {
  const email = r.email?.trim().toLowerCase();
  const properties = { ...r.fields, ...(email ? { email } : {}), [KEY]: r.externalKey };
  return !byKey && email
    ? { idProperty: 'email', id: email, properties, objectWriteTraceId: r.externalKey }
    : { idProperty: KEY, id: r.externalKey, properties, objectWriteTraceId: r.externalKey };
}

/** Inputs sharing an id (two ReplyForce contacts with one email) go in separate calls: HubSpot refuses duplicate ids. */
function rounds(records: CrmRecordInput[]): CrmRecordInput[][] {
  const out: CrmRecordInput[][] = [];
  for (const r of records) {
    const id = inputOf(r).id;
    const round = out.find((batch) => !batch.some((o) => inputOf(o).id === id));
    if (round) round.push(r);
    else out.push([r]);
  }
  return out;
}

type Outcome = { results: CrmUpsertResult[]; conflicts: CrmRecordInput[] };

function traceOf(e: StandardError): string | undefined {
  return e.context?.objectWriteTraceId?.[0];
}

/** Another contact already holds this key: it was created without an email and has one now. */
const isKeyConflict = (e: StandardError) =>
  e.message.includes(KEY) && /already|unique/i.test(`${e.message} ${JSON.stringify(e.errors ?? [])}`);

async function send(call: HubspotCall, records: CrmRecordInput[], byKey = false): Promise<Outcome> {
  const inputs = records.map((r) => inputOf(r, byKey));
  const request = () => call('batch upsert', (c) => c.crm.contacts.batchApi.upsert({ inputs }));
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    answer = await request();
  } catch (err) {
    if (!(err instanceof HubspotError) || !err.missingProperties.includes(KEY)) throw err;
    // First sync into this portal: make the key property, then send the same batch again.
    await ensureKeyProperty(call);
    answer = await request();
  }
  const results: CrmUpsertResult[] = [];
  const conflicts: CrmRecordInput[] = [];
  const inputsByKey = new Map(records.map((r) => [r.externalKey, r]));
  for (const ok of answer.results) {
    const key = ok.objectWriteTraceId ?? ok.properties[KEY];
    if (key && inputsByKey.has(key))
      results.push({ externalKey: key, ok: true, recordId: ok.id, created: ok._new });
  }
  for (const e of 'errors' in answer ? (answer.errors ?? []) : []) {
    const key = traceOf(e);
    const record = key ? inputsByKey.get(key) : undefined;
    if (!key || !record) continue;
    if (!byKey && record.email?.trim() && isKeyConflict(e)) conflicts.push(record);
    else
      results.push({
        externalKey: key,
        ok: false,
        kind:
          e.category === 'OBJECT_NOT_FOUND'
            ? 'not_found'
            : e.category === 'VALIDATION_ERROR'
              ? 'permanent'
              : 'temporary',
        message: `HubSpot: ${e.message}`.slice(0, 1000),
      });
  }
  return { results, conflicts };
}

export async function upsertContacts(
  call: HubspotCall,
  records: CrmRecordInput[],
): Promise<CrmUpsertResult[]> {
  assertBatch('hubspot', records.length, HUBSPOT_BATCH);
  if (records.length === 0) return [];
  const { unique, fanOut } = mergeByKey(records);
  const results: CrmUpsertResult[] = [];
  const conflicts: CrmRecordInput[] = [];
  // idProperty is chosen per input, so email-keyed and key-keyed contacts share one call.
  for (const round of rounds(unique)) {
    const outcome = await send(call, round);
    results.push(...outcome.results);
    conflicts.push(...outcome.conflicts);
  }
  // The contact was first synced without an email: update it by its key, now with the email.
  if (conflicts.length > 0) results.push(...(await send(call, conflicts, true)).results);
  return fanOut(results);
}
