/**
 * The periodic pull: GET /Leads with If-Modified-Since, sorted by Modified_Time ascending, 200 per
 * page (304 when nothing changed). At most MAX_CHANGE_PAGES pages per poll; poll again from the last.
 */
import { KEY_FIELD, MAX_CHANGE_PAGES } from '../shared/key-field.ts';
import type { CrmRecordChange } from '../types.ts';
import type { ZohoApi } from './api.ts';

const FIELDS = ['Owner', 'Lead_Status', 'Email', KEY_FIELD.zoho, 'Modified_Time'];

type LeadRow = Record<string, unknown> & {
  id: string;
  Modified_Time?: string;
  Owner?: { id?: string } | null;
};

export async function leadChangesSince(api: ZohoApi, since: Date): Promise<CrmRecordChange[]> {
  const out: CrmRecordChange[] = [];
  const text = (v: unknown) => (typeof v === 'string' && v && v !== '-None-' ? v : undefined);
  for (let page = 1; page <= MAX_CHANGE_PAGES; page++) {
    const answer = await api({
      method: 'GET',
      path: '/Leads',
      query: {
        fields: FIELDS.join(','),
        sort_by: 'Modified_Time',
        sort_order: 'asc',
        per_page: '200',
        page: String(page),
      },
      headers: { 'if-modified-since': since.toISOString() },
      label: 'Leads modified since',
    });
    if (answer.status === 304 || answer.status === 204) break;
    for (const r of (answer.body.data ?? []) as LeadRow[]) {
      const key = text(r[KEY_FIELD.zoho]);
      const email = text(r.Email);
      const owner = text(r.Owner?.id);
      const status = text(r.Lead_Status);
      out.push({
        recordId: r.id,
        ...(key ? { externalKey: key } : {}),
        ...(email ? { email } : {}),
        ...(owner ? { owner } : {}),
        ...(status ? { status } : {}),
        changedAt: new Date(r.Modified_Time ?? since),
      });
    }
    if ((answer.body.info as { more_records?: boolean } | undefined)?.more_records !== true) break;
  }
  return out;
}
