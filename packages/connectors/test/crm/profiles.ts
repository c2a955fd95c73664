/**
 * What differs per vendor in the one conformance suite: the account the test connects, field names,
 * status values, and the exact requests each operation makes (`METHOD /host/path` as the sandbox
 * logged them). Everything else is asserted the same way for all four.
 */
import type { CrmAccount, CrmVendor, LoggedRequest } from '@replyforce/sandbox';
import { expect } from 'vitest';
import type { CrmRecordInput } from '../../src/index.ts';

export type UpsertKind = 'first' | 'new' | 'update';

export type Profile = {
  vendor: CrmVendor;
  /** The seeded account the consent page offers and the test picks. */
  account: string;
  maxBatch: number;
  /** The status field, a valid value, another valid value, and one the CRM refuses. */
  status: { field: string; valid: string; other: string; invalid: string };
  /** A contact as core would map it, `status` overriding the valid default. */
  record(i: number, opts?: { email?: boolean; status?: string }): CrmRecordInput;
  /** The external key stored on a sandbox record. */
  keyOf(values: Record<string, string>, account: CrmAccount): string | undefined;
  /** A personal field `anonymise` must blank (holding the record's email or name). */
  personalField: string;
  customField: { name: string; label: string };
  authorize: { url: string; params: Record<string, string> };
  /** The token endpoint as logged, and where API calls go afterwards (undefined: the fixed API host). */
  tokenCall: string;
  apiBase(sandboxUrl: string): string | undefined;
  /** Requests of one upsert call: into a fresh account, a new record, or an update of `id`. */
  upsertCalls(kind: UpsertKind, ids: string[]): string[];
  checkUpsertBody(requests: readonly LoggedRequest[], records: CrmRecordInput[]): void;
  calls: {
    notes: string;
    fields: string;
    createField: string;
    changes: string;
    erase(id: string, mode: 'delete' | 'anonymise'): string;
  };
  checkNoteBody(request: LoggedRequest, recordId: string, text: string): void;
  /** The auth scheme API calls carry. */
  auth: string;
};

const KEY = {
  hubspot: 'replyforce_contact_id',
  salesforce: 'ReplyForce_Contact_Id__c',
  zoho: 'ReplyForce_Contact_Id',
};
const key = (i: number) => `c-${String(i).padStart(4, '0')}-5f2e`;
const email = (i: number) => `lead${i}@example.com`;
// biome-ignore lint/suspicious/noExplicitAny: request bodies are vendor JSON
const body = (r: LoggedRequest | undefined): any => r?.body;

const HS = '/api.hubapi.com/crm/v3';
const hubspot: Profile = {
  vendor: 'hubspot',
  account: '24681357',
  maxBatch: 100,
  status: { field: 'hs_lead_status', valid: 'NEW', other: 'CONNECTED', invalid: 'NOT_A_STATUS' },
  record: (i, o = {}) => ({
    externalKey: key(i),
    ...(o.email === false ? {} : { email: email(i) }),
    fields: { firstname: `Lead${i}`, lastname: 'Doe', hs_lead_status: o.status ?? 'NEW' },
  }),
  keyOf: (v) => v[KEY.hubspot],
  personalField: 'firstname',
  customField: { name: 'replyforce_score', label: 'ReplyForce score' },
  authorize: {
    url: 'https://app.hubspot.com/oauth/authorize',
    params: { scope: 'crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.write' },
  },
  tokenCall: 'POST /api.hubapi.com/oauth/v1/token',
  apiBase: () => undefined,
  upsertCalls: (kind) =>
    kind === 'first'
      ? [
          `POST ${HS}/objects/contacts/batch/upsert`,
          `POST ${HS}/properties/contacts`,
          `POST ${HS}/objects/contacts/batch/upsert`,
        ]
      : [`POST ${HS}/objects/contacts/batch/upsert`],
  checkUpsertBody(requests, records) {
    const inputs = body(requests.at(-1)).inputs;
    expect(inputs).toHaveLength(records.length);
    records.forEach((r, i) => {
      expect(inputs[i]).toEqual({
        ...(r.email ? { idProperty: 'email', id: r.email } : { idProperty: KEY.hubspot, id: r.externalKey }),
        properties: { ...r.fields, ...(r.email ? { email: r.email } : {}), [KEY.hubspot]: r.externalKey },
        objectWriteTraceId: r.externalKey,
      });
    });
  },
  calls: {
    notes: `POST ${HS}/objects/notes/batch/create`,
    fields: `GET ${HS}/properties/contacts`,
    createField: `POST ${HS}/properties/contacts`,
    changes: `POST ${HS}/objects/contacts/search`,
    erase: (id, mode) =>
      mode === 'delete' ? `POST ${HS}/objects/contacts/gdpr-delete` : `PATCH ${HS}/objects/contacts/${id}`,
  },
  checkNoteBody(request, recordId, text) {
    const [input] = body(request).inputs;
    expect(input.associations).toEqual([
      { to: { id: recordId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
    ]);
    expect(input.properties.hs_note_body).toContain(text);
    expect(Date.parse(input.properties.hs_timestamp)).not.toBeNaN();
  },
  auth: 'Bearer',
};

const SF = '/acme.my.salesforce.com/services/data/v62.0';
const salesforce: Profile = {
  vendor: 'salesforce',
  account: '00D5g00000ACME1EAA',
  maxBatch: 200,
  status: {
    field: 'Status',
    valid: 'Open - Not Contacted',
    other: 'Working - Contacted',
    invalid: 'NOT_A_STATUS',
  },
  record: (i, o = {}) => ({
    externalKey: key(i),
    ...(o.email === false ? {} : { email: email(i) }),
    fields: {
      FirstName: `Lead${i}`,
      LastName: 'Doe',
      Company: 'Doe Bakery',
      LeadSource: 'Instagram',
      Status: o.status ?? 'Open - Not Contacted',
    },
  }),
  keyOf: (v) => v[KEY.salesforce],
  personalField: 'FirstName',
  customField: { name: 'ReplyForce_Score__c', label: 'ReplyForce score' },
  authorize: {
    url: 'https://login.salesforce.com/services/oauth2/authorize',
    params: { response_type: 'code', scope: 'api refresh_token' },
  },
  tokenCall: 'POST /login.salesforce.com/services/oauth2/token',
  apiBase: (url) => `${url}/crm/salesforce/acme.my.salesforce.com`,
  upsertCalls: (kind) =>
    kind === 'first'
      ? [
          `PATCH ${SF}/composite/sobjects/Lead/${KEY.salesforce}`,
          `POST ${SF}/tooling/sobjects/CustomField`,
          `PATCH ${SF}/composite/sobjects/Lead/${KEY.salesforce}`,
        ]
      : [`PATCH ${SF}/composite/sobjects/Lead/${KEY.salesforce}`],
  checkUpsertBody(requests, records) {
    const b = body(requests.at(-1));
    expect(b.allOrNone).toBe(false);
    records.forEach((r, i) => {
      expect(b.records[i]).toEqual({
        [KEY.salesforce]: r.externalKey,
        attributes: { type: 'Lead' },
        ...r.fields,
        ...(r.email ? { Email: r.email } : {}),
      });
    });
  },
  calls: {
    notes: `POST ${SF}/composite/sobjects`,
    fields: `GET ${SF}/sobjects/Lead/describe`,
    createField: `POST ${SF}/tooling/sobjects/CustomField`,
    changes: `GET ${SF}/query`,
    erase: (id, mode) => `${mode === 'delete' ? 'DELETE' : 'PATCH'} ${SF}/sobjects/Lead/${id}`,
  },
  checkNoteBody(request, recordId, text) {
    const [task] = body(request).records;
    expect(task).toMatchObject({
      attributes: { type: 'Task' },
      WhoId: recordId,
      Status: 'Completed',
      TaskSubtype: 'Task',
    });
    expect(task.Description).toContain(text);
    expect(task.ActivityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  },
  auth: 'Bearer',
};

const ZO = '/www.zohoapis.com/crm/v8';
const zoho: Profile = {
  vendor: 'zoho',
  account: '60012345678',
  maxBatch: 100,
  status: { field: 'Lead_Status', valid: 'Not Contacted', other: 'Contacted', invalid: 'NOT_A_STATUS' },
  record: (i, o = {}) => ({
    externalKey: key(i),
    ...(o.email === false ? {} : { email: email(i) }),
    fields: {
      First_Name: `Lead${i}`,
      Last_Name: 'Doe',
      Lead_Source: 'Facebook',
      Lead_Status: o.status ?? 'Not Contacted',
    },
  }),
  keyOf: (v) => v[KEY.zoho],
  personalField: 'First_Name',
  customField: { name: 'ReplyForce_Score', label: 'ReplyForce Score' },
  authorize: {
    url: 'https://accounts.zoho.com/oauth/v2/auth',
    params: {
      scope: 'ZohoCRM.modules.ALL,ZohoCRM.settings.fields.ALL,ZohoCRM.org.READ',
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
    },
  },
  tokenCall: 'POST /accounts.zoho.com/oauth/v2/token',
  apiBase: (url) => `${url}/crm/zoho/www.zohoapis.com`,
  upsertCalls: (kind) =>
    kind === 'first'
      ? [`POST ${ZO}/Leads/upsert`, `POST ${ZO}/settings/fields`, `POST ${ZO}/Leads/upsert`]
      : [`POST ${ZO}/Leads/upsert`],
  checkUpsertBody(requests, records) {
    const b = body(requests.at(-1));
    expect(b.duplicate_check_fields).toEqual([KEY.zoho]);
    records.forEach((r, i) => {
      expect(b.data[i]).toEqual({
        ...r.fields,
        ...(r.email ? { Email: r.email } : {}),
        [KEY.zoho]: r.externalKey,
      });
    });
  },
  calls: {
    notes: `POST ${ZO}/Notes`,
    fields: `GET ${ZO}/settings/fields`,
    createField: `POST ${ZO}/settings/fields`,
    changes: `GET ${ZO}/Leads`,
    erase: (id, mode) => `${mode === 'delete' ? 'DELETE' : 'PUT'} ${ZO}/Leads/${id}`,
  },
  checkNoteBody(request, recordId, text) {
    const [note] = body(request).data;
    expect(note.Parent_Id).toEqual({ module: { api_name: 'Leads' }, id: recordId });
    expect(note.Note_Content).toContain(text);
  },
  auth: 'Zoho-oauthtoken',
};

const PD = '/acme.pipedrive.com/api';
const pipedrive: Profile = {
  vendor: 'pipedrive',
  account: '7654321',
  maxBatch: 1,
  status: { field: 'label_ids', valid: '2', other: '3', invalid: '999' },
  record: (i, o = {}) => ({
    externalKey: key(i),
    ...(o.email === false ? {} : { email: email(i) }),
    fields: { name: `Lead${i} Doe`, label_ids: o.status ?? '2' },
  }),
  keyOf: (v, account) => {
    const field = [...account.fields.values()].find((f) => f.label === 'ReplyForce Contact Id');
    return field ? v[field.name] : undefined;
  },
  personalField: 'emails',
  customField: { name: 'ReplyForce score', label: 'ReplyForce score' },
  authorize: { url: 'https://oauth.pipedrive.com/oauth/authorize', params: {} },
  tokenCall: 'POST /oauth.pipedrive.com/oauth/token',
  apiBase: (url) => `${url}/crm/pipedrive/acme.pipedrive.com`,
  upsertCalls(kind, ids) {
    const search = `GET ${PD}/v2/persons/search`;
    if (kind === 'update') return [search, `PATCH ${PD}/v2/persons/${ids[0]}`];
    const create = [search, search, `POST ${PD}/v2/persons`, search];
    if (kind === 'new') return create;
    return [
      `GET ${PD}/v2/personFields`,
      `POST ${PD}/v2/personFields`,
      `GET ${PD}/v2/personFields`,
      ...create,
    ];
  },
  checkUpsertBody(requests, records) {
    const write = [...requests].reverse().find((r) => r.method !== 'GET');
    const [r] = records;
    if (!r) return;
    expect(body(write)).toMatchObject({
      name: r.fields.name,
      label_ids: r.fields.label_ids?.split(',').map(Number),
      ...(r.email ? { emails: [{ value: r.email, primary: true, label: 'work' }] } : {}),
    });
    expect(Object.values(body(write).custom_fields)).toEqual([r.externalKey]);
    const searches = requests.filter((q) => q.path.endsWith('/persons/search')).map((q) => q.query);
    expect(searches).toContainEqual({
      term: r.externalKey,
      fields: 'custom_fields',
      exact_match: 'true',
      limit: '100',
    });
    if (r.email)
      expect(searches).toContainEqual({ term: r.email, fields: 'email', exact_match: 'true', limit: '100' });
  },
  calls: {
    notes: `POST ${PD}/v1/notes`,
    fields: `GET ${PD}/v2/personFields`,
    createField: `POST ${PD}/v2/personFields`,
    changes: `GET ${PD}/v2/persons`,
    erase: (id, mode) => `${mode === 'delete' ? 'DELETE' : 'PATCH'} ${PD}/v2/persons/${id}`,
  },
  checkNoteBody(request, recordId, text) {
    expect(body(request)).toMatchObject({ person_id: Number(recordId) });
    expect(body(request).content).toContain(text);
  },
  auth: 'Bearer',
};

export const PROFILES: Profile[] = [hubspot, salesforce, zoho, pipedrive];
