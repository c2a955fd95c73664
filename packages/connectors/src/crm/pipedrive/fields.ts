/**
 * Person fields (v2 personFields). Custom fields are addressed by a generated 40-character code,
 * and Pipedrive lets two fields share a name, so ReplyForce's key field is found by name and, if two
 * workers both made one, everyone settles on the oldest and the newer is removed.
 */
import type { AddPersonFieldRequestFieldTypeConst } from 'pipedrive/v2';
import { KEY_LABEL } from '../shared/key-field.ts';
import type { CrmField } from '../types.ts';
import type { PipedriveClient } from './client.ts';

export type PersonField = {
  field_name: string;
  field_code: string;
  field_type: string;
  is_custom_field: boolean;
  options?: { id: number | string; label: string }[] | null;
};

type Wanted = Pick<CrmField, 'name' | 'label' | 'type' | 'options'>;

export async function allPersonFields(client: PipedriveClient): Promise<PersonField[]> {
  const out: PersonField[] = [];
  let cursor: string | undefined;
  do {
    const page = (await client.personFields.getPersonFields({
      limit: 500,
      ...(cursor ? { cursor } : {}),
    })) as unknown as {
      data?: PersonField[];
      additional_data?: { next_cursor?: string | null };
    };
    out.push(...(page.data ?? []));
    cursor = page.additional_data?.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

const TYPES: Record<string, CrmField['type']> = {
  varchar: 'string',
  varchar_auto: 'string',
  text: 'string',
  phone: 'string',
  enum: 'enumeration',
  set: 'enumeration',
  double: 'number',
  monetary: 'number',
  int: 'number',
  date: 'date',
};

const READ_ONLY = new Set(['add_time', 'update_time']);

export function toCrmField(f: PersonField): CrmField {
  const type = TYPES[f.field_type] ?? 'other';
  return {
    name: f.field_code,
    label: f.field_name,
    type,
    ...(type === 'enumeration'
      ? {
          options: (f.options ?? []).map((o) => String(o.id)),
          optionLabels: Object.fromEntries((f.options ?? []).map((o) => [String(o.id), o.label])),
        }
      : {}),
    ...(READ_ONLY.has(f.field_code) ? { readOnly: true } : {}),
    ...(f.is_custom_field ? { custom: true } : {}),
  };
}

const CREATE: Record<CrmField['type'], string> = {
  string: 'varchar',
  enumeration: 'enum',
  number: 'double',
  date: 'date',
  boolean: 'enum',
  other: 'varchar',
};

async function createField(client: PipedriveClient, field: Wanted): Promise<string> {
  const options =
    field.type === 'boolean' ? ['Yes', 'No'] : field.type === 'enumeration' ? (field.options ?? []) : [];
  const answer = (await client.personFields.addPersonField({
    AddPersonFieldRequest: {
      field_name: field.label,
      field_type: CREATE[field.type] as AddPersonFieldRequestFieldTypeConst,
      ...(options.length ? { options: options.map((label) => ({ label })) } : {}),
    },
  })) as unknown as { data?: PersonField };
  return answer.data?.field_code ?? '';
}

const sameLabel = (f: PersonField, label: string) =>
  f.is_custom_field && f.field_name.trim().toLowerCase() === label.trim().toLowerCase();

export async function ensurePersonFields(client: PipedriveClient, wanted: Wanted[]): Promise<void> {
  if (wanted.length === 0) return;
  const existing = await allPersonFields(client);
  for (const field of wanted)
    if (!existing.some((f) => f.field_code === field.name || sameLabel(f, field.label)))
      await createField(client, field);
}

/** The code of the "ReplyForce Contact Id" field; made when `create` and missing. */
export async function keyFieldCode(client: PipedriveClient, create: boolean): Promise<string | undefined> {
  const oldest = (fields: PersonField[]) => fields.find((f) => sameLabel(f, KEY_LABEL))?.field_code;
  const found = oldest(await allPersonFields(client));
  if (found || !create) return found;
  const mine = await createField(client, { name: KEY_LABEL, label: KEY_LABEL, type: 'string' });
  const winner = oldest(await allPersonFields(client)) ?? mine;
  if (winner !== mine && mine) await client.personFields.deletePersonField({ field_code: mine });
  return winner;
}
