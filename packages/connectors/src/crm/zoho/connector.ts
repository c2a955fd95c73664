/**
 * Zoho CRM over REST (§9): Leads upserted on the unique field ReplyForce_Contact_Id, Notes on the
 * Lead, settings/fields, and the If-Modified-Since pull, at the api_domain of the org's data centre.
 */
import { ConnectorError } from '../../errors.ts';
import { ANONYMISED } from '../shared/text.ts';
import type { CrmAppConfig, CrmConnector, CrmCredentials } from '../types.ts';
import { createZohoApi, recordResults } from './api.ts';
import { leadChangesSince } from './changes.ts';
import { ensureLeadFields, listLeadFields } from './fields.ts';
import { addLeadNotes } from './notes.ts';
import { upsertLeads, ZOHO_BATCH } from './upsert.ts';

const BLANKED = [
  'First_Name',
  'Email',
  'Phone',
  'Mobile',
  'Company',
  'Designation',
  'Website',
  'Description',
];

export function createZohoConnector(creds: CrmCredentials, app: CrmAppConfig): CrmConnector {
  const api = createZohoApi(creds, app);
  return {
    vendor: 'zoho',
    maxBatchSize: ZOHO_BATCH,
    // Zoho counts credits per rolling 24 hours; the Free edition has 5,000 (§9.4). 200 an hour stays
    // inside even that, and at 100 Leads a call still carries 20,000 Leads an hour.
    rateLimit: { limit: 200, windowMs: 60 * 60_000 },
    listFields: () => listLeadFields(api),
    ensureFields: (fields) => ensureLeadFields(api, fields),
    upsert: (records) => upsertLeads(api, records),
    addNotes: (notes) => addLeadNotes(api, notes),
    changesSince: (since) => leadChangesSince(api, since),
    async erase(recordId, mode) {
      const answer =
        mode === 'delete'
          ? await api({
              method: 'DELETE',
              path: `/Leads/${encodeURIComponent(recordId)}`,
              label: 'delete Lead',
            })
          : await api({
              method: 'PUT',
              path: `/Leads/${encodeURIComponent(recordId)}`,
              json: {
                data: [{ ...Object.fromEntries(BLANKED.map((f) => [f, null])), Last_Name: ANONYMISED }],
              },
              label: 'anonymise Lead',
            });
      const result = recordResults(answer)[0];
      // An unknown id: the Lead is already gone, which is what erasure wanted.
      if (
        result?.status === 'success' ||
        (result?.code === 'INVALID_DATA' && result.details?.id !== undefined)
      )
        return;
      throw new ConnectorError(
        'permanent',
        `Zoho erase: ${result?.code ?? 'no result'} ${result?.message ?? ''}`.trim(),
      );
    },
  };
}
