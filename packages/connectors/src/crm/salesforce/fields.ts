/**
 * Lead fields from describe, and custom fields made through the Tooling API (`CustomField`), which
 * is how the External ID key gets onto Lead. The integration user needs "Customize Application".
 */
import { ConnectorError } from '../../errors.ts';
import { KEY_FIELD, KEY_LABEL } from '../shared/key-field.ts';
import type { CrmField } from '../types.ts';
import type { SfConnection } from './connection.ts';

type Wanted = Pick<CrmField, 'name' | 'label' | 'type' | 'options'>;

const TYPES: Record<string, CrmField['type']> = {
  string: 'string',
  textarea: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  picklist: 'enumeration',
  multipicklist: 'enumeration',
  double: 'number',
  int: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
};

export async function describeLeadFields(conn: SfConnection): Promise<CrmField[]> {
  const d = await conn.sobject('Lead').describe();
  return d.fields.map((f) => {
    const type = TYPES[f.type] ?? 'other';
    return {
      name: f.name,
      label: f.label,
      type,
      ...(type === 'enumeration'
        ? { options: (f.picklistValues ?? []).filter((p) => p.active).map((p) => p.value) }
        : {}),
      ...(f.updateable ? {} : { readOnly: true }),
      ...(f.custom ? { custom: true } : {}),
    };
  });
}

function metadataOf(field: Wanted, key: boolean): Record<string, unknown> {
  if (key)
    return {
      label: KEY_LABEL,
      type: 'Text',
      length: 255,
      externalId: true,
      unique: true,
      caseSensitive: false,
    };
  switch (field.type) {
    case 'enumeration':
      return {
        label: field.label,
        type: 'Picklist',
        valueSet: {
          restricted: true,
          valueSetDefinition: {
            sorted: false,
            value: (field.options ?? []).map((v) => ({ fullName: v, label: v, default: false })),
          },
        },
      };
    case 'number':
      return { label: field.label, type: 'Number', precision: 18, scale: 2 };
    case 'date':
      return { label: field.label, type: 'DateTime' };
    case 'boolean':
      return { label: field.label, type: 'Checkbox', defaultValue: 'false' };
    default:
      return { label: field.label, type: 'Text', length: 255 };
  }
}

async function createField(conn: SfConnection, field: Wanted): Promise<void> {
  if (!field.name.endsWith('__c'))
    throw new ConnectorError('permanent', `Salesforce custom field names end in __c: ${field.name}`);
  try {
    await conn.requestPost('/tooling/sobjects/CustomField', {
      FullName: `Lead.${field.name}`,
      Metadata: metadataOf(field, field.name === KEY_FIELD.salesforce),
    });
  } catch (err) {
    // Made by another worker a moment ago.
    if (err instanceof ConnectorError && err.platformCode === 'DUPLICATE_DEVELOPER_NAME') return;
    throw err;
  }
}

export async function ensureLeadFields(conn: SfConnection, wanted: Wanted[]): Promise<void> {
  if (wanted.length === 0) return;
  const existing = new Set((await describeLeadFields(conn)).map((f) => f.name));
  for (const field of wanted) if (!existing.has(field.name)) await createField(conn, field);
}

export function ensureKeyField(conn: SfConnection): Promise<void> {
  return createField(conn, { name: KEY_FIELD.salesforce, label: KEY_LABEL, type: 'string' });
}
