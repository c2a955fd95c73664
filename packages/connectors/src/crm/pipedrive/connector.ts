/**
 * Pipedrive through the official SDK (§10): persons found by ReplyForce's key before they are made,
 * notes on the person, person fields (labels are the lead status), updated_since for the pull.
 */
import { ConnectorError } from '../../errors.ts';
import { ANONYMISED } from '../shared/text.ts';
import type { CrmAppConfig, CrmConnector, CrmCredentials } from '../types.ts';
import { personChangesSince } from './changes.ts';
import { createPipedriveClient } from './client.ts';
import { allPersonFields, ensurePersonFields, keyFieldCode, toCrmField } from './fields.ts';
import { addPersonNotes } from './notes.ts';
import { PIPEDRIVE_BATCH, upsertPersons } from './upsert.ts';

export function createPipedriveConnector(creds: CrmCredentials, app: CrmAppConfig): CrmConnector {
  const client = createPipedriveClient(creds, app);
  let key: string | undefined;
  const keyCode = async () => {
    key ??= await keyFieldCode(client, true);
    if (!key)
      throw new ConnectorError('permanent', 'Pipedrive: could not make the ReplyForce Contact Id field');
    return key;
  };
  return {
    vendor: 'pipedrive',
    maxBatchSize: PIPEDRIVE_BATCH,
    // The smallest plan's burst limit is 20 requests per rolling 2 s (§10); an upsert makes two to
    // four (search, maybe search by email, write, search again after a create), so 5 calls per 2 s.
    // The daily token budget depends on plan and seats and is left to the 429s and their Retry-After.
    rateLimit: { limit: 5, windowMs: 2_000 },
    listFields: async () => (await allPersonFields(client)).map(toCrmField),
    ensureFields: (fields) => ensurePersonFields(client, fields),
    upsert: (records) => upsertPersons(client, keyCode, records),
    addNotes: (notes) => addPersonNotes(client, notes),
    async changesSince(since) {
      // Looked up, never made: without the field no person carries a ReplyForce key yet.
      key ??= await keyFieldCode(client, false);
      return personChangesSince(client, key, since);
    },
    async erase(recordId, mode) {
      const id = Number(recordId);
      try {
        if (mode === 'delete') await client.persons.deletePerson({ id });
        else
          await client.persons.updatePerson({
            id,
            UpdatePersonRequest: { name: ANONYMISED, emails: [], phones: [] },
          });
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return;
        throw err;
      }
    },
  };
}
