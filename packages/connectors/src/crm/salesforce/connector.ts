/**
 * Salesforce through jsforce (§8): Leads upserted on ReplyForce_Contact_Id__c, Tasks for notes,
 * describe for fields, SOQL for the pull. Loaded with `await import()` only where CRM jobs run.
 */
import { ConnectorError } from '../../errors.ts';
import { ANONYMISED } from '../shared/text.ts';
import type { CrmAppConfig, CrmConnector, CrmCredentials } from '../types.ts';
import { leadChangesSince } from './changes.ts';
import { createSfConnection } from './connection.ts';
import { describeLeadFields, ensureLeadFields } from './fields.ts';
import { addLeadTasks } from './tasks.ts';
import { SALESFORCE_BATCH, upsertLeads } from './upsert.ts';

/** Standard Lead fields holding personal data; LastName and Company are required, so they get a placeholder. */
const BLANKED = [
  'FirstName',
  'Email',
  'Phone',
  'MobilePhone',
  'Title',
  'Website',
  'Description',
  'Street',
  'City',
  'PostalCode',
  'Country',
];

export function createSalesforceConnector(creds: CrmCredentials, app: CrmAppConfig): CrmConnector {
  const conn = createSfConnection(creds, app);
  return {
    vendor: 'salesforce',
    maxBatchSize: SALESFORCE_BATCH,
    // No per-second limit; a rolling 24-hour allocation from 100,000 calls per org shared by every
    // integration (§8.5). 1,000 an hour keeps ReplyForce under a quarter of the smallest allocation.
    rateLimit: { limit: 1_000, windowMs: 60 * 60_000 },
    listFields: () => describeLeadFields(conn),
    ensureFields: (fields) => ensureLeadFields(conn, fields),
    upsert: (records) => upsertLeads(conn, records),
    addNotes: (notes) => addLeadTasks(conn, notes),
    changesSince: (since) => leadChangesSince(conn, since),
    async erase(recordId, mode) {
      try {
        if (mode === 'delete') await conn.sobject('Lead').destroy(recordId);
        else
          await conn.sobject('Lead').update({
            Id: recordId,
            ...Object.fromEntries(BLANKED.map((f) => [f, null])),
            LastName: ANONYMISED,
            Company: ANONYMISED,
          } as never);
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return;
        throw err;
      }
    },
  };
}
