import type { CrmAccount, CrmRecord, FieldDef } from '../types.ts';

/** Zoho writes `2026-08-01T10:30:00+00:00`. */
export const zohoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

export function leadJson(account: CrmAccount, record: CrmRecord, only?: readonly string[]) {
  const owner = account.owners.find((o) => o.id === record.values.Owner);
  const all: Record<string, unknown> = {
    ...record.values,
    Owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
    Created_Time: zohoTime(record.createdAt),
    Modified_Time: zohoTime(record.updatedAt),
    id: record.id,
  };
  if (!only) return all;
  return Object.fromEntries([...only, 'id'].map((k) => [k, all[k] ?? null]));
}

const TYPES: Record<FieldDef['type'], string> = {
  string: 'text',
  text: 'textarea',
  email: 'email',
  phone: 'phone',
  enum: 'picklist',
  number: 'double',
  date: 'date',
  datetime: 'datetime',
  bool: 'boolean',
};

/** GET /crm/v8/settings/fields?module=Leads, trimmed to what a connector reads. */
export function fieldsJson(account: CrmAccount) {
  return {
    fields: [...account.fields.values()].map((f, i) => ({
      api_name: f.name,
      field_label: f.label,
      display_label: f.label,
      data_type: f.name === 'Owner' ? 'ownerlookup' : f.multi ? 'multiselectpicklist' : TYPES[f.type],
      json_type: f.name === 'Owner' ? 'jsonobject' : 'string',
      length: f.type === 'text' ? 32_000 : 255,
      custom_field: f.custom === true,
      unique: f.unique ? { casesensitive: false } : {},
      read_only: f.readOnly === true,
      system_mandatory: f.required === true,
      id: `61578090000020${String(i).padStart(5, '0')}`,
      pick_list_values:
        f.name === 'Owner'
          ? []
          : (f.options ?? []).map((o, j) => ({
              display_value: o.label,
              actual_value: o.value,
              id: `6157809000003${String(j).padStart(6, '0')}`,
            })),
    })),
  };
}
