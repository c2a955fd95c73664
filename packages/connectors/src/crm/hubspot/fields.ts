/** Contact properties: the field list mappings are checked against, and custom properties made on demand. */
import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties/models/Property.js';
import type {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js';
import { ConnectorError } from '../../errors.ts';
import { KEY_FIELD, KEY_LABEL } from '../shared/key-field.ts';
import type { CrmField } from '../types.ts';
import type { HubspotCall } from './client.ts';

type Wanted = Pick<CrmField, 'name' | 'label' | 'type' | 'options'>;

const TYPES: Record<string, CrmField['type']> = {
  string: 'string',
  enumeration: 'enumeration',
  number: 'number',
  date: 'date',
  datetime: 'date',
  bool: 'boolean',
};

export function toCrmField(p: Property): CrmField {
  const type = TYPES[p.type] ?? 'other';
  return {
    name: p.name,
    label: p.label,
    type,
    ...(type === 'enumeration' ? { options: p.options.filter((o) => !o.hidden).map((o) => o.value) } : {}),
    ...(p.modificationMetadata?.readOnlyValue || p.calculated ? { readOnly: true } : {}),
    ...(p.hubspotDefined ? {} : { custom: true }),
  };
}

export async function listProperties(call: HubspotCall): Promise<CrmField[]> {
  const answer = await call('list properties', (c) => c.crm.properties.coreApi.getAll('contacts'));
  return answer.results.map(toCrmField);
}

const CREATE: Record<CrmField['type'], [string, string]> = {
  string: ['string', 'text'],
  enumeration: ['enumeration', 'select'],
  number: ['number', 'number'],
  date: ['date', 'date'],
  boolean: ['bool', 'booleancheckbox'],
  other: ['string', 'text'],
};

const NAME = /^[a-z][a-z0-9_]{0,99}$/;

async function createProperty(call: HubspotCall, field: Wanted, unique: boolean): Promise<void> {
  if (!NAME.test(field.name))
    throw new ConnectorError(
      'permanent',
      `HubSpot property names are lowercase letters, digits and _: ${field.name}`,
    );
  const [type, fieldType] = CREATE[field.type];
  try {
    await call('create property', (c) =>
      c.crm.properties.coreApi.create('contacts', {
        name: field.name,
        label: field.label,
        type: type as PropertyCreateTypeEnum,
        fieldType: fieldType as PropertyCreateFieldTypeEnum,
        groupName: 'contactinformation',
        ...(unique ? { hasUniqueValue: true } : {}),
        ...(field.options?.length
          ? {
              options: field.options.map((value, i) => ({
                label: value,
                value,
                displayOrder: i,
                hidden: false,
              })),
            }
          : {}),
      }),
    );
  } catch (err) {
    // Another worker made it a moment ago: the property exists, which is all we wanted.
    if (err instanceof ConnectorError && err.platformCode === 'OBJECT_ALREADY_EXISTS') return;
    throw err;
  }
}

export async function ensureProperties(call: HubspotCall, wanted: Wanted[]): Promise<void> {
  if (wanted.length === 0) return;
  const existing = new Set((await listProperties(call)).map((f) => f.name));
  for (const field of wanted)
    if (!existing.has(field.name)) await createProperty(call, field, field.name === KEY_FIELD.hubspot);
}

/** The unique property contacts without an email are keyed on (and every contact carries). */
export function ensureKeyProperty(call: HubspotCall): Promise<void> {
  return createProperty(call, { name: KEY_FIELD.hubspot, label: KEY_LABEL, type: 'string' }, true);
}
