/**
 * The periodic pull (for portals without the webhook): contacts modified at or after `since`,
 * oldest first, through CRM search on lastmodifieddate. Search allows 5 calls a second and 10,000
 * results, so one poll reads at most MAX_CHANGE_PAGES pages; the next poll starts from the last.
 */
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Filter.js';
import { KEY_FIELD, MAX_CHANGE_PAGES } from '../shared/key-field.ts';
import type { CrmRecordChange } from '../types.ts';
import type { HubspotCall } from './client.ts';

const PAGE = 100;
const PROPERTIES = ['hs_lead_status', 'hubspot_owner_id', 'email', KEY_FIELD.hubspot, 'lastmodifieddate'];

export async function contactChangesSince(call: HubspotCall, since: Date): Promise<CrmRecordChange[]> {
  const out: CrmRecordChange[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_CHANGE_PAGES; page++) {
    const answer = await call('search contacts', (c) =>
      c.crm.contacts.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'lastmodifieddate',
                operator: 'GTE' as FilterOperatorEnum,
                value: String(since.getTime()),
              },
            ],
          },
        ],
        // The SDK types sorts as strings; the API takes sort objects.
        sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }] as unknown as string[],
        properties: PROPERTIES,
        limit: PAGE,
        ...(after ? { after } : {}),
      }),
    );
    for (const r of answer.results) {
      const p = r.properties;
      const text = (v: string | null | undefined) => v || undefined;
      const key = text(p[KEY_FIELD.hubspot]);
      const email = text(p.email);
      const owner = text(p.hubspot_owner_id);
      const status = text(p.hs_lead_status);
      out.push({
        recordId: r.id,
        ...(key ? { externalKey: key } : {}),
        ...(email ? { email } : {}),
        ...(owner ? { owner } : {}),
        ...(status ? { status } : {}),
        changedAt: new Date(Date.parse(p.lastmodifieddate ?? '') || r.updatedAt.getTime()),
      });
    }
    after = answer.paging?.next?.after;
    if (!after) break;
  }
  return out;
}
