/**
 * The periodic pull: persons updated at or after `since` (`updated_since`, seconds precision, so a
 * boundary change may come twice), by update_time ascending, 500 a page, at most MAX_CHANGE_PAGES.
 * Status is the person's labels (comma-separated ids), owner the owner's user id.
 */
import { MAX_CHANGE_PAGES } from '../shared/key-field.ts';
import type { CrmRecordChange } from '../types.ts';
import type { PipedriveClient } from './client.ts';

type Person = {
  id: number;
  owner_id?: number | null;
  label_ids?: number[];
  emails?: { value?: string; primary?: boolean }[];
  custom_fields?: Record<string, unknown>;
  update_time?: string;
};

export async function personChangesSince(
  client: PipedriveClient,
  keyCode: string | undefined,
  since: Date,
): Promise<CrmRecordChange[]> {
  const out: CrmRecordChange[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CHANGE_PAGES; page++) {
    const answer = (await client.persons.getPersons({
      updated_since: since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sort_by: 'update_time',
      sort_direction: 'asc',
      limit: 500,
      ...(cursor ? { cursor } : {}),
    })) as unknown as { data?: Person[]; additional_data?: { next_cursor?: string | null } };
    for (const p of answer.data ?? []) {
      const email = (p.emails?.find((e) => e.primary) ?? p.emails?.[0])?.value;
      const key = keyCode ? p.custom_fields?.[keyCode] : undefined;
      out.push({
        recordId: String(p.id),
        ...(typeof key === 'string' && key ? { externalKey: key } : {}),
        ...(email ? { email } : {}),
        ...(p.owner_id ? { owner: String(p.owner_id) } : {}),
        ...(p.label_ids?.length ? { status: p.label_ids.join(',') } : {}),
        changedAt: new Date(p.update_time ?? since),
      });
    }
    cursor = answer.additional_data?.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return out;
}
