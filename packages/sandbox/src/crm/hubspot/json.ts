import type { CrmAccount, CrmRecord, FieldDef } from '../types.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** A contact as the CRM objects API returns it; `only` limits properties like `?properties=` does. */
export function contactJson(record: CrmRecord, only?: readonly string[]) {
  const all: Record<string, string> = {
    ...record.values,
    hs_object_id: record.id,
    createdate: iso(record.createdAt),
    lastmodifieddate: iso(record.updatedAt),
  };
  const properties = only ? Object.fromEntries(only.map((k) => [k, all[k] ?? null])) : all;
  return {
    id: record.id,
    properties,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: false,
  };
}

const TYPE: Record<FieldDef['type'], [string, string]> = {
  string: ['string', 'text'],
  text: ['string', 'textarea'],
  email: ['string', 'text'],
  phone: ['string', 'phonenumber'],
  enum: ['enumeration', 'select'],
  number: ['number', 'number'],
  date: ['date', 'date'],
  datetime: ['datetime', 'date'],
  bool: ['bool', 'booleancheckbox'],
};

const EPOCH = '2019-08-06T02:43:14.491Z';

/** A contact property as /crm/v3/properties/contacts describes it. */
export function propertyJson(f: FieldDef, order: number) {
  const [type, fieldType] = TYPE[f.type];
  return {
    updatedAt: EPOCH,
    createdAt: EPOCH,
    name: f.name,
    label: f.label,
    type,
    fieldType: f.multi ? 'checkbox' : fieldType,
    description: '',
    groupName: f.custom ? 'replyforce' : 'contactinformation',
    options: (f.options ?? []).map((o, i) => ({
      label: o.label,
      value: o.value,
      description: '',
      displayOrder: i,
      hidden: false,
    })),
    displayOrder: order,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: f.unique === true,
    hidden: false,
    hubspotDefined: f.custom !== true,
    modificationMetadata: {
      archivable: f.custom === true,
      readOnlyDefinition: f.custom !== true,
      readOnlyValue: f.readOnly === true,
    },
    formField: true,
  };
}

export function propertiesJson(account: CrmAccount) {
  return { results: [...account.fields.values()].map((f, i) => propertyJson(f, i)) };
}
