import type { CrmAccount, CrmRecord, FieldDef } from '../types.ts';

/** Salesforce writes datetimes as `2026-08-01T10:30:00.000+0000`. */
export const sfDateTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

export function fieldValue(record: CrmRecord, name: string): string | null {
  if (name === 'Id') return record.id;
  if (name === 'CreatedDate') return sfDateTime(record.createdAt);
  if (name === 'LastModifiedDate') return sfDateTime(record.updatedAt);
  return record.values[name] ?? null;
}

export function leadJson(version: string, record: CrmRecord, fields: readonly string[]) {
  return {
    attributes: { type: 'Lead', url: `/services/data/${version}/sobjects/Lead/${record.id}` },
    ...Object.fromEntries(fields.map((f) => [f, fieldValue(record, f)])),
  };
}

const TYPES: Record<FieldDef['type'], string> = {
  string: 'string',
  text: 'textarea',
  email: 'email',
  phone: 'phone',
  enum: 'picklist',
  number: 'double',
  date: 'date',
  datetime: 'datetime',
  bool: 'boolean',
};

function describeField(f: FieldDef) {
  const type =
    f.name === 'Id' ? 'id' : f.name === 'OwnerId' ? 'reference' : f.multi ? 'multipicklist' : TYPES[f.type];
  return {
    name: f.name,
    label: f.label,
    type,
    length: f.type === 'text' ? 32_000 : f.type === 'enum' ? 255 : 255,
    custom: f.custom === true,
    externalId: f.unique === true,
    unique: f.unique === true,
    nillable: f.required !== true && f.name !== 'Id',
    createable: f.readOnly !== true,
    updateable: f.readOnly !== true,
    referenceTo: f.name === 'OwnerId' ? ['Group', 'User'] : [],
    picklistValues:
      f.name === 'OwnerId'
        ? []
        : (f.options ?? []).map((o, i) => ({
            active: true,
            defaultValue: i === 0,
            label: o.label,
            value: o.value,
            validFor: null,
          })),
  };
}

/** GET sobjects/Lead/describe, trimmed to what a connector reads. */
export function describeLead(account: CrmAccount) {
  return {
    name: 'Lead',
    label: 'Lead',
    labelPlural: 'Leads',
    keyPrefix: '00Q',
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    fields: [...account.fields.values()].map(describeField),
  };
}
