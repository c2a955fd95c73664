/** Lead fields (settings/fields) and custom fields made on demand, the unique key among them. */
import { ConnectorError } from '../../errors.ts';
import { KEY_FIELD, KEY_LABEL } from '../shared/key-field.ts';
import type { CrmField } from '../types.ts';
import { describeFailure, type ZohoApi, type ZohoRecordResult } from './api.ts';

type Wanted = Pick<CrmField, 'name' | 'label' | 'type' | 'options'>;

const TYPES: Record<string, CrmField['type']> = {
  text: 'string',
  textarea: 'string',
  email: 'string',
  phone: 'string',
  website: 'string',
  picklist: 'enumeration',
  multiselectpicklist: 'enumeration',
  integer: 'number',
  double: 'number',
  currency: 'number',
  bigint: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
};

type ZohoField = {
  api_name: string;
  field_label?: string;
  display_label?: string;
  data_type?: string;
  read_only?: boolean;
  custom_field?: boolean;
  pick_list_values?: { actual_value?: string; display_value?: string }[];
};

export async function listLeadFields(api: ZohoApi): Promise<CrmField[]> {
  const answer = await api({
    method: 'GET',
    path: '/settings/fields',
    query: { module: 'Leads' },
    label: 'fields',
  });
  const fields = (answer.body.fields ?? []) as ZohoField[];
  return fields.map((f) => {
    const type = TYPES[f.data_type ?? ''] ?? 'other';
    return {
      name: f.api_name,
      label: f.display_label ?? f.field_label ?? f.api_name,
      type,
      ...(type === 'enumeration'
        ? {
            options: (f.pick_list_values ?? [])
              .map((p) => p.actual_value ?? p.display_value ?? '')
              // "-None-" is Zoho's empty choice, not a status.
              .filter((v) => v && v !== '-None-'),
          }
        : {}),
      ...(f.read_only ? { readOnly: true } : {}),
      ...(f.custom_field ? { custom: true } : {}),
    };
  });
}

const CREATE: Record<CrmField['type'], string> = {
  string: 'text',
  enumeration: 'picklist',
  number: 'double',
  date: 'datetime',
  boolean: 'boolean',
  other: 'text',
};

/** Zoho makes the API name from the label (spaces become _), so the label is chosen to give `name`. */
const labelFor = (field: Wanted) =>
  field.label.trim().replace(/[^A-Za-z0-9]+/g, '_') === field.name
    ? field.label
    : field.name.replace(/_/g, ' ');

async function createFields(api: ZohoApi, fields: Wanted[]): Promise<void> {
  const answer = await api({
    method: 'POST',
    path: '/settings/fields',
    query: { module: 'Leads' },
    json: {
      fields: fields.map((f) => ({
        field_label: labelFor(f),
        data_type: CREATE[f.type],
        ...(f.type === 'string' || f.type === 'other' ? { length: 255 } : {}),
        ...(f.name === KEY_FIELD.zoho ? { unique: { casesensitive: false } } : {}),
        ...(f.type === 'enumeration'
          ? { pick_list_values: (f.options ?? []).map((v) => ({ display_value: v, actual_value: v })) }
          : {}),
      })),
    },
    label: 'create fields',
  });
  const failed = ((answer.body.fields ?? []) as ZohoRecordResult[]).find(
    // DUPLICATE_DATA: another worker made it a moment ago.
    (r) => r.status !== 'success' && r.code !== 'DUPLICATE_DATA',
  );
  if (failed) throw new ConnectorError('permanent', describeFailure(failed));
}

export async function ensureLeadFields(api: ZohoApi, wanted: Wanted[]): Promise<void> {
  if (wanted.length === 0) return;
  const existing = new Set((await listLeadFields(api)).map((f) => f.name));
  const missing = wanted.filter((f) => !existing.has(f.name));
  if (missing.length > 0) await createFields(api, missing);
}

export function ensureKeyField(api: ZohoApi): Promise<void> {
  return createFields(api, [{ name: KEY_FIELD.zoho, label: KEY_LABEL, type: 'string' }]);
}
