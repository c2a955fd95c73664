/** POST /crm/v3/properties/contacts: a custom contact property, unique or an enumeration with options. */
import { z } from 'zod';
import type { CrmAccount, FieldDef } from '../types.ts';
import { hubspot } from './errors.ts';
import { propertyJson } from './json.ts';

export const PropertyBody = z.object({
  name: z.string(),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  hasUniqueValue: z.boolean().optional(),
  options: z
    .array(
      z.object({
        label: z.string(),
        value: z.string(),
        displayOrder: z.number().optional(),
        hidden: z.boolean().optional(),
      }),
    )
    .optional(),
});

const NAME = /^[a-z][a-z0-9_]{0,99}$/;

export function createProperty(account: CrmAccount, body: z.infer<typeof PropertyBody>) {
  if (!NAME.test(body.name))
    throw hubspot.validation(
      `Property name '${body.name}' is invalid: lowercase letters, digits and underscores only`,
    );
  if (account.fields.has(body.name)) throw hubspot.conflict(`Property named '${body.name}' already exists.`);
  if (body.type === 'enumeration' && !body.options?.length)
    throw hubspot.validation('An enumeration property needs at least one option');
  if (body.hasUniqueValue && body.type !== 'string' && body.type !== 'number')
    throw hubspot.validation('Only string and number properties can require unique values');
  const field: FieldDef = {
    name: body.name,
    label: body.label,
    type:
      body.type === 'enumeration'
        ? 'enum'
        : body.type === 'string'
          ? body.fieldType === 'textarea'
            ? 'text'
            : 'string'
          : body.type,
    custom: true,
    ...(body.hasUniqueValue ? { unique: true } : {}),
    ...(body.options ? { options: body.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
    ...(body.fieldType === 'checkbox' ? { multi: true } : {}),
  };
  account.fields.set(field.name, field);
  return propertyJson(field, account.fields.size - 1);
}
