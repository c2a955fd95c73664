/**
 * Zoho CRM v8 Leads (§9.1, §9.2): upsert of up to 100 records matched on duplicate_check_fields,
 * per-record results (202 when some fail), Notes with Parent_Id, update, delete and the modified-since
 * listing a periodic pull uses.
 */
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { addNote, findByUnique, insertRecord, normalise, uniqueConflict, updateRecord } from '../records.ts';
import type { CrmAccount, CrmRecord } from '../types.ts';
import { checkValue, stringValues } from '../values.ts';
import { zoho, zohoError } from './errors.ts';
import { zohoTime } from './json.ts';
import { ZOHO_SPEC } from './spec.ts';

export const MAX_RECORDS = 100;

export const UpsertBody = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  duplicate_check_fields: z.array(z.string()).optional(),
  trigger: z.array(z.string()).optional(),
});
export const DataBody = z.object({ data: z.array(z.record(z.string(), z.unknown())) });

type Outcome = { status: number; body: { data: object[] } };

/** `Owner: {id}` arrives as an object; the store keeps its id. */
function valuesOf(input: Record<string, unknown>): Record<string, string> {
  const owner = input.Owner;
  const flat = {
    ...input,
    ...(owner && typeof owner === 'object' && 'id' in owner ? { Owner: (owner as { id: unknown }).id } : {}),
  };
  return stringValues(flat);
}

const failure = (code: string, message: string, details: object) => ({
  code,
  details,
  message,
  status: 'error',
});

function problemOf(account: CrmAccount, values: Record<string, string>): object | undefined {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'id') continue;
    const p = checkValue(account.fields.get(name), name, value);
    if (!p) continue;
    if (p.problem === 'unknown') return failure('INVALID_DATA', 'invalid data', { api_name: name });
    if (p.problem === 'read_only')
      return failure('INVALID_DATA', 'the field is read only', { api_name: name });
    return failure('INVALID_DATA', 'invalid data', {
      api_name: name,
      expected_data_type:
        p.problem === 'invalid_option'
          ? name === 'Owner'
            ? 'ownerlookup'
            : 'picklist'
          : p.problem.replace('invalid_', ''),
    });
  }
  return undefined;
}

function findDuplicate(account: CrmAccount, fields: string[], values: Record<string, string>) {
  for (const field of fields) {
    const value = values[field];
    if (!value) continue;
    const found = account.fields.get(field)?.unique
      ? findByUnique(account, field, value)
      : [...account.records.values()].find(
          (r) => r.values[field] && normalise(r.values[field] ?? '') === normalise(value),
        );
    if (found) return { record: found, field };
  }
  return undefined;
}

function overall(results: { status: string }[], inserted: boolean): number {
  const failed = results.filter((r) => r.status === 'error').length;
  if (failed === results.length) return 400;
  if (failed > 0) return 202;
  return inserted ? 201 : 200;
}

function details(record: CrmRecord, account: CrmAccount) {
  const by = account.owners[0];
  const user = by ? { id: by.id, name: by.name } : null;
  return {
    id: record.id,
    Modified_Time: zohoTime(record.updatedAt),
    Created_Time: zohoTime(record.createdAt),
    Modified_By: user,
    Created_By: user,
  };
}

export function upsertLeads(c: CrmContext, account: CrmAccount, body: z.infer<typeof UpsertBody>): Outcome {
  if (body.data.length === 0 || body.data.length > MAX_RECORDS)
    throw zohoError(400, 'LIMIT_EXCEEDED', `Maximum records allowed is ${MAX_RECORDS}`, {
      limit: MAX_RECORDS,
    });
  const checkFields = body.duplicate_check_fields ?? [
    'Email',
    'Phone',
    ...[...account.fields.values()].filter((f) => f.unique).map((f) => f.name),
  ];
  for (const f of checkFields)
    if (!account.fields.has(f))
      throw zohoError(400, 'INVALID_DATA', 'the field given in duplicate_check_fields is invalid', {
        api_name: f,
        json_path: '$.duplicate_check_fields',
      });
  let inserted = false;
  const data = body.data.map((input) => {
    const values = valuesOf(input);
    const problem = problemOf(account, values);
    if (problem) return problem as { status: string };
    const dup = findDuplicate(account, checkFields, values);
    const conflict = uniqueConflict(account, values, dup?.record.id);
    if (conflict)
      return failure('DUPLICATE_DATA', 'duplicate data', {
        api_name: conflict,
        duplicate_record: { id: findByUnique(account, conflict, values[conflict] ?? '')?.id },
      });
    const now = c.now();
    if (dup) {
      updateRecord(account, dup.record, values, now);
      return {
        code: 'SUCCESS',
        duplicate_field: dup.field,
        action: 'update',
        details: details(dup.record, account),
        message: 'record updated',
        status: 'success',
      };
    }
    if (!values.Last_Name)
      return failure('MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'Last_Name',
        json_path: '$.data[0].Last_Name',
      });
    const record = insertRecord(
      account,
      ZOHO_SPEC.recordId(account.nextId++),
      { ...ZOHO_SPEC.defaults(account.owners), ...values },
      now,
      c.opts.maxRecordsPerAccount,
    );
    inserted = true;
    return {
      code: 'SUCCESS',
      duplicate_field: null,
      action: 'insert',
      details: details(record, account),
      message: 'record added',
      status: 'success',
    };
  });
  return { status: overall(data, inserted), body: { data } };
}

/** `Parent_Id` as v8 documents it (`{module:{api_name}, id}`) or the v2–v6 string with `se_module`. */
function parentOf(input: Record<string, unknown>): { module: string; id: string } | undefined {
  const p = input.Parent_Id;
  if (typeof p === 'string' && typeof input.se_module === 'string') return { module: input.se_module, id: p };
  if (p && typeof p === 'object') {
    const o = p as { id?: unknown; module?: { api_name?: unknown } };
    if (typeof o.id === 'string' && typeof o.module?.api_name === 'string')
      return { module: o.module.api_name, id: o.id };
  }
  return undefined;
}

export function createNotes(c: CrmContext, account: CrmAccount, body: z.infer<typeof DataBody>): Outcome {
  if (body.data.length === 0 || body.data.length > MAX_RECORDS)
    throw zohoError(400, 'LIMIT_EXCEEDED', `Maximum records allowed is ${MAX_RECORDS}`, {
      limit: MAX_RECORDS,
    });
  const data = body.data.map((input) => {
    const parent = parentOf(input);
    if (!parent) return failure('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Parent_Id' });
    if (parent.module !== 'Leads' || !account.records.has(parent.id))
      return failure('INVALID_DATA', 'the related id given seems to be invalid', { api_name: 'Parent_Id' });
    const content = typeof input.Note_Content === 'string' ? input.Note_Content : '';
    if (!content)
      return failure('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Note_Content' });
    const now = c.now();
    const id = ZOHO_SPEC.noteId(account.nextId++);
    const title = typeof input.Note_Title === 'string' ? input.Note_Title : '';
    addNote(
      account,
      { id, recordId: parent.id, title, body: content, at: now, createdAt: now },
      c.opts.maxNotesPerAccount,
    );
    const by = account.owners[0];
    return {
      code: 'SUCCESS',
      details: {
        id,
        Modified_Time: zohoTime(now),
        Created_Time: zohoTime(now),
        Created_By: by ? { id: by.id, name: by.name } : null,
      },
      message: 'record added',
      status: 'success',
    };
  });
  return { status: overall(data, true), body: { data } };
}

export function updateLead(
  c: CrmContext,
  account: CrmAccount,
  id: string,
  body: z.infer<typeof DataBody>,
): Outcome {
  const record = account.records.get(id);
  const input = body.data[0];
  if (!input || body.data.length !== 1) throw zoho.badRequest('exactly one record is expected in data');
  if (!record)
    return {
      status: 400,
      body: { data: [failure('INVALID_DATA', 'the id given seems to be invalid', { id })] },
    };
  const values = valuesOf(input);
  delete values.id;
  const problem =
    problemOf(account, values) ??
    (values.Last_Name === ''
      ? failure('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'Last_Name' })
      : undefined);
  if (problem) return { status: 400, body: { data: [problem] } };
  updateRecord(account, record, values, c.now());
  return {
    status: 200,
    body: {
      data: [
        { code: 'SUCCESS', details: details(record, account), message: 'record updated', status: 'success' },
      ],
    },
  };
}
