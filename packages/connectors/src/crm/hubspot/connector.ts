/**
 * HubSpot through @hubspot/api-client (§7): contacts batch-upserted by email or ReplyForce's key,
 * notes associated to contacts, contact properties, search for the periodic pull, GDPR delete.
 * Loaded with `await import()` only where CRM jobs run: the SDK costs ~30 MB.
 */
import { ConnectorError } from '../../errors.ts';
import type { CrmAppConfig, CrmConnector, CrmCredentials } from '../types.ts';
import { contactChangesSince } from './changes.ts';
import { createHubspotCall } from './client.ts';
import { responseFailure } from './failures.ts';
import { ensureProperties, listProperties } from './fields.ts';
import { addContactNotes } from './notes.ts';
import { HUBSPOT_BATCH, upsertContacts } from './upsert.ts';

/** Contact properties holding personal data in every portal; `anonymise` blanks them. */
const PERSONAL = [
  'email',
  'firstname',
  'lastname',
  'phone',
  'mobilephone',
  'company',
  'website',
  'jobtitle',
  'city',
  'country',
  'message',
];

export function createHubspotConnector(creds: CrmCredentials, app: CrmAppConfig): CrmConnector {
  const call = createHubspotCall(creds, app);
  // A permanent delete (not the 90-day recycle bin of archive). The SDK's discovery has no GDPR
  // API, so this goes through its generic request, which answers with the raw response.
  const gdprDelete = (objectId: string) =>
    call('GDPR delete', async (c) => {
      const res = await c.apiRequest({
        method: 'POST',
        path: '/crm/v3/objects/contacts/gdpr-delete',
        body: { objectId },
      });
      if (!res.ok) throw await responseFailure(res, 'GDPR delete', [creds.accessToken]);
    });
  return {
    vendor: 'hubspot',
    maxBatchSize: HUBSPOT_BATCH,
    // Private apps on Free/Starter get 100 per 10 s (OAuth apps 110, Professional 190): the lowest figure.
    rateLimit: { limit: 100, windowMs: 10_000 },
    listFields: () => listProperties(call),
    ensureFields: (fields) => ensureProperties(call, fields),
    upsert: (records) => upsertContacts(call, records),
    addNotes: (notes) => addContactNotes(call, notes),
    changesSince: (since) => contactChangesSince(call, since),
    async erase(recordId, mode) {
      try {
        if (mode === 'delete') await gdprDelete(recordId);
        else
          await call('anonymise contact', (c) =>
            c.crm.contacts.basicApi.update(recordId, {
              // The key stays: a later event for this contact must find the same record, not make a new one.
              properties: Object.fromEntries(PERSONAL.map((p) => [p, ''])),
            }),
          );
      } catch (err) {
        // Already gone is what erasure wanted.
        if (err instanceof ConnectorError && err.kind === 'not_found') return;
        throw err;
      }
    },
  };
}
