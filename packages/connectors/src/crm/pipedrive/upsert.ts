/**
 * Pipedrive has no upsert (§10): find the person by ReplyForce's key (a custom field), then by
 * email, update what was found, else create. Retries and concurrent workers are made safe after the
 * fact: once a person is created the key is searched again, and if two people now carry it, the
 * oldest (lowest id) is kept and this worker deletes its own newer copy. One record per call.
 */
import { ConnectorError } from '../../errors.ts';
import { assertBatch } from '../shared/batch.ts';
import type { CrmRecordInput, CrmUpsertResult } from '../types.ts';
import type { PipedriveClient } from './client.ts';
import { type PersonBody, personBody } from './person-body.ts';

export const PIPEDRIVE_BATCH = 1;

type SearchItem = { item?: { id?: number; emails?: string[]; custom_fields?: string[] } };

async function search(
  client: PipedriveClient,
  term: string,
  fields: 'custom_fields' | 'email',
): Promise<number[]> {
  const answer = (await client.persons.searchPersons({
    term,
    fields,
    exact_match: true,
    limit: 100,
  })) as unknown as {
    data?: { items?: SearchItem[] };
  };
  const lower = term.toLowerCase();
  const ids = (answer.data?.items ?? [])
    .map((i) => i.item)
    // Exact match on the value, not on another custom field that happens to contain it.
    .filter((p) =>
      (fields === 'email' ? p?.emails : p?.custom_fields)?.some((v) => v.toLowerCase() === lower),
    )
    .map((p) => p?.id)
    .filter((id): id is number => typeof id === 'number');
  return [...new Set(ids)].sort((a, b) => a - b);
}

const idOf = (answer: unknown) => (answer as { data?: { id?: number } }).data?.id;

/** A 400 refuses this record's data; anything else (auth, limits, outages) stops the whole call. */
function refusal(err: unknown, externalKey: string): CrmUpsertResult | undefined {
  if (err instanceof ConnectorError && err.kind === 'permanent')
    return { externalKey, ok: false, kind: 'permanent', message: err.message };
  return undefined;
}

async function write(client: PipedriveClient, r: CrmRecordInput, keyCode: string): Promise<CrmUpsertResult> {
  const existing =
    (await search(client, r.externalKey, 'custom_fields'))[0] ??
    (r.email ? (await search(client, r.email, 'email'))[0] : undefined);
  const body = personBody(r, keyCode, existing === undefined);
  if ('problem' in body)
    return {
      externalKey: r.externalKey,
      ok: false,
      kind: 'permanent',
      message: `Pipedrive: ${body.problem}`,
    };
  if (existing !== undefined) {
    await client.persons.updatePerson({ id: existing, UpdatePersonRequest: body as never });
    return { externalKey: r.externalKey, ok: true, recordId: String(existing), created: false };
  }
  const created = idOf(await client.persons.addPerson({ AddPersonRequest: body as PersonBody as never }));
  if (created === undefined) throw new ConnectorError('permanent', 'Pipedrive: the created person has no id');
  const holders = await search(client, r.externalKey, 'custom_fields');
  const oldest = holders[0] ?? created;
  if (oldest === created)
    return { externalKey: r.externalKey, ok: true, recordId: String(created), created: true };
  // Another worker (or an earlier attempt whose answer was lost) created it first: keep theirs.
  await client.persons.deletePerson({ id: created });
  const { name: _, ...update } = body;
  await client.persons.updatePerson({ id: oldest, UpdatePersonRequest: update as never });
  return { externalKey: r.externalKey, ok: true, recordId: String(oldest), created: false };
}

export async function upsertPersons(
  client: PipedriveClient,
  keyCode: () => Promise<string>,
  records: CrmRecordInput[],
): Promise<CrmUpsertResult[]> {
  assertBatch('pipedrive', records.length, PIPEDRIVE_BATCH);
  const r = records[0];
  if (!r) return [];
  try {
    return [await write(client, r, await keyCode())];
  } catch (err) {
    const refused = refusal(err, r.externalKey);
    if (refused) return [refused];
    throw err;
  }
}
