import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CrmAccount, FieldDef } from '../types.ts';
import { pipedrive } from './errors.ts';

const TYPES: Record<FieldDef['type'], string> = {
  string: 'varchar',
  text: 'text',
  email: 'varchar',
  phone: 'phone',
  enum: 'enum',
  number: 'double',
  date: 'date',
  datetime: 'date',
  bool: 'enum',
};

/** GET /api/v2/personFields: standard fields by name, custom ones by a 40-character hash code. */
export function personFieldsJson(account: CrmAccount) {
  return [...account.fields.values()].map((f) => ({
    field_name: f.label,
    field_code: f.name,
    field_type: f.name === 'owner_id' ? 'user' : f.multi ? 'set' : TYPES[f.type],
    is_custom_field: f.custom === true,
    is_optional_response_field: false,
    options: f.options ? f.options.map((o) => ({ id: Number(o.value) || o.value, label: o.label })) : null,
    subfields: null,
  }));
}

export const PersonFieldBody = z.object({
  field_name: z.string().min(1).max(255),
  field_type: z.enum(['varchar', 'text', 'double', 'phone', 'date', 'enum', 'set']),
  options: z.array(z.object({ label: z.string().min(1) })).optional(),
});

const TYPE_OF: Record<string, FieldDef['type']> = {
  varchar: 'string',
  text: 'text',
  double: 'number',
  phone: 'phone',
  date: 'date',
  enum: 'enum',
  set: 'enum',
};

/** POST /api/v2/personFields. Pipedrive allows two fields with the same name; the hash tells them apart. */
export function createPersonField(account: CrmAccount, body: z.infer<typeof PersonFieldBody>, seq: number) {
  if ((body.field_type === 'enum' || body.field_type === 'set') && !body.options?.length)
    throw pipedrive.badRequest('Validation failed: options: required for enum and set fields');
  const code = createHash('sha1').update(`${account.id}:${body.field_name}:${seq}`).digest('hex');
  const field: FieldDef = {
    name: code,
    label: body.field_name,
    type: TYPE_OF[body.field_type] ?? 'string',
    custom: true,
    ...(body.field_type === 'set' ? { multi: true } : {}),
    ...(body.options
      ? { options: body.options.map((o, i) => ({ value: String(100 + i), label: o.label })) }
      : {}),
  };
  account.fields.set(code, field);
  return personFieldsJson(account).find((f) => f.field_code === code);
}
