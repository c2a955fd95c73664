/**
 * sObject Collections (§8.2): PATCH composite/sobjects/Lead/<extIdField> upserts up to 200 Leads on
 * an External ID field, POST composite/sobjects creates up to 200 records (here: Tasks). The answer
 * is an ordered array of `{id, success, errors, created}`; only a malformed call is a 400.
 */
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { addNote, findByUnique, insertRecord, normalise, uniqueConflict, updateRecord } from '../records.ts';
import type { CrmAccount } from '../types.ts';
import { checkValue, stringValues, toEpoch } from '../values.ts';
import { salesforce, sfError } from './errors.ts';
import { SALESFORCE_SPEC } from './spec.ts';

export const MAX_RECORDS = 200;

const SObject = z.looseObject({ attributes: z.object({ type: z.string() }).optional() });
export const CollectionBody = z.object({ allOrNone: z.boolean().default(false), records: z.array(SObject) });

type SaveError = { statusCode: string; message: string; fields: string[] };
type SaveResult = { id?: string; success: boolean; errors: SaveError[]; created?: boolean };

function checkSize(records: unknown[]): void {
  if (records.length > MAX_RECORDS)
    throw sfError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
    );
}

function valuesOf(record: z.infer<typeof SObject>, type: string): Record<string, string> {
  if (record.attributes?.type !== type)
    throw sfError(400, 'INVALID_TYPE', `Each record needs attributes.type ${type}`);
  const { attributes: _, ...rest } = record;
  if ('Id' in rest) throw sfError(400, 'INVALID_FIELD', 'Records in an upsert collection cannot carry an Id');
  return stringValues(rest);
}

function leadErrors(account: CrmAccount, values: Record<string, string>): SaveError[] {
  const errors: SaveError[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = account.fields.get(name);
    if (!field) throw salesforce.invalidField(`No such column '${name}' on sobject of type Lead`);
    const p = checkValue(field, name, value);
    if (!p) continue;
    if (p.problem === 'read_only')
      errors.push({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${name}.`,
        fields: [name],
      });
    else if (p.problem === 'invalid_option')
      errors.push({
        statusCode:
          name === 'OwnerId' ? 'INVALID_CROSS_REFERENCE_KEY' : 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: `${field.label}: bad value for restricted picklist field: ${value}`,
        fields: [name],
      });
    else if (p.problem === 'invalid_email')
      errors.push({
        statusCode: 'INVALID_EMAIL_ADDRESS',
        message: `Email: invalid email address: ${value}`,
        fields: [name],
      });
    else
      errors.push({
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: `${field.label}: value not of required type: ${value}`,
        fields: [name],
      });
  }
  return errors;
}

export function upsertLeads(
  c: CrmContext,
  account: CrmAccount,
  extField: string,
  body: z.infer<typeof CollectionBody>,
) {
  checkSize(body.records);
  const field = account.fields.get(extField);
  if (!field?.unique)
    throw salesforce.invalidField(
      `Provided external ID field does not exist or is not accessible: ${extField}`,
    );
  const all = body.records.map((r) => valuesOf(r, 'Lead'));
  const counts = new Map<string, number>();
  for (const v of all)
    if (v[extField]) counts.set(normalise(v[extField]), (counts.get(normalise(v[extField])) ?? 0) + 1);
  const planned = all.map((values) => {
    const key = values[extField];
    if (!key)
      return {
        errors: [
          { statusCode: 'MISSING_ARGUMENT', message: `${extField} not specified`, fields: [extField] },
        ],
      };
    if ((counts.get(normalise(key)) ?? 0) > 1)
      return {
        errors: [
          {
            statusCode: 'DUPLICATE_EXTERNAL_ID',
            message: `Duplicate external id specified: ${key}`,
            fields: [extField],
          },
        ],
      };
    const existing = findByUnique(account, extField, key);
    const errors = leadErrors(account, values);
    const conflict = uniqueConflict(account, values, existing?.id);
    if (conflict)
      errors.push({
        statusCode: 'DUPLICATE_VALUE',
        message: `duplicate value found: ${conflict}`,
        fields: [conflict],
      });
    if (!existing) {
      const defaults = SALESFORCE_SPEC.defaults(account.owners);
      const missing = [...account.fields.values()]
        .filter((f) => f.required && !values[f.name] && !defaults[f.name])
        .map((f) => f.name);
      if (missing.length > 0)
        errors.push({
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: `Required fields are missing: [${missing.join(', ')}]`,
          fields: missing,
        });
    }
    return { values, existing, errors };
  });
  const failed = planned.some((p) => p.errors.length > 0);
  return planned.map((p): SaveResult => {
    if (p.errors.length > 0) return { success: false, errors: p.errors };
    if (body.allOrNone && failed)
      return {
        success: false,
        errors: [
          {
            statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            message:
              'Record rolled back because not all records were valid and the request was using AllOrNone header',
            fields: [],
          },
        ],
      };
    const values = p.values ?? {};
    const now = c.now();
    if (p.existing) {
      updateRecord(account, p.existing, values, now);
      return { id: p.existing.id, success: true, errors: [], created: false };
    }
    const record = insertRecord(
      account,
      SALESFORCE_SPEC.recordId(account.nextId++),
      { ...SALESFORCE_SPEC.defaults(account.owners), ...values },
      now,
      c.opts.maxRecordsPerAccount,
    );
    return { id: record.id, success: true, errors: [], created: true };
  });
}

const TASK_STATUS = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const PRIORITY = ['High', 'Normal', 'Low'];

/** Tasks logged against a Lead (WhoId): the conversation note of §8.3. */
export function createTasks(
  c: CrmContext,
  account: CrmAccount,
  body: z.infer<typeof CollectionBody>,
): SaveResult[] {
  checkSize(body.records);
  return body.records.map((r): SaveResult => {
    const v = valuesOf(r, 'Task');
    const fail = (statusCode: string, message: string, fields: string[]) => ({
      success: false,
      errors: [{ statusCode, message, fields }],
    });
    if (!v.WhoId || !account.records.has(v.WhoId))
      return fail('INVALID_CROSS_REFERENCE_KEY', 'Name ID: id value of incorrect type', ['WhoId']);
    if (v.Status && !TASK_STATUS.includes(v.Status))
      return fail(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `Status: bad value for restricted picklist field: ${v.Status}`,
        ['Status'],
      );
    if (v.Priority && !PRIORITY.includes(v.Priority))
      return fail(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `Priority: bad value for restricted picklist field: ${v.Priority}`,
        ['Priority'],
      );
    if ((v.Subject ?? '').length > 255)
      return fail('STRING_TOO_LONG', 'Subject: data value too large', ['Subject']);
    if ((v.Description ?? '').length > 32_000)
      return fail('STRING_TOO_LONG', 'Comments: data value too large', ['Description']);
    const id = SALESFORCE_SPEC.noteId(account.nextId++);
    const at = v.ActivityDate ? toEpoch(v.ActivityDate) : c.now();
    addNote(
      account,
      {
        id,
        recordId: v.WhoId,
        title: v.Subject ?? '',
        body: v.Description ?? '',
        at: Number.isNaN(at) ? c.now() : at,
        createdAt: c.now(),
      },
      c.opts.maxNotesPerAccount,
    );
    return { id, success: true, errors: [] };
  });
}
