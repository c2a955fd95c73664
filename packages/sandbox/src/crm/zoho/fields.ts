/** POST /crm/v8/settings/fields?module=Leads: custom Lead fields, e.g. the unique key ReplyForce_Contact_Id. */
import { z } from 'zod';
import type { CrmAccount, FieldDef } from '../types.ts';

export const FieldsBody = z.object({
  fields: z.array(
    z.looseObject({
      field_label: z.string().min(1).max(60),
      data_type: z.enum([
        'text',
        'textarea',
        'email',
        'phone',
        'picklist',
        'integer',
        'double',
        'date',
        'datetime',
        'boolean',
      ]),
      length: z.number().int().min(1).max(255).optional(),
      unique: z.object({ casesensitive: z.boolean().optional() }).optional(),
      pick_list_values: z
        .array(z.object({ display_value: z.string(), actual_value: z.string().optional() }))
        .optional(),
    }),
  ),
});

const TYPES: Record<string, FieldDef['type']> = {
  text: 'string',
  textarea: 'text',
  email: 'email',
  phone: 'phone',
  picklist: 'enum',
  integer: 'number',
  double: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'bool',
};

/** Zoho derives the API name from the label: "ReplyForce Contact Id" becomes ReplyForce_Contact_Id. */
export const apiNameOf = (label: string) =>
  label
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

let next = 1;

export function createFields(account: CrmAccount, body: z.infer<typeof FieldsBody>) {
  const results = body.fields.map((f) => {
    const name = apiNameOf(f.field_label);
    if (!name || account.fields.has(name))
      return {
        code: 'DUPLICATE_DATA',
        details: { api_name: name },
        message: 'duplicate data',
        status: 'error',
      };
    if (f.data_type === 'picklist' && !f.pick_list_values?.length)
      return {
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'pick_list_values' },
        message: 'required field not found',
        status: 'error',
      };
    account.fields.set(name, {
      name,
      label: f.field_label,
      type: TYPES[f.data_type] ?? 'string',
      custom: true,
      ...(f.unique ? { unique: true } : {}),
      ...(f.pick_list_values
        ? {
            options: f.pick_list_values.map((o) => ({
              value: o.actual_value ?? o.display_value,
              label: o.display_value,
            })),
          }
        : {}),
    });
    return {
      code: 'SUCCESS',
      details: { id: `61578090000021${String(next++).padStart(5, '0')}`, api_name: name },
      message: 'field created',
      status: 'success',
    };
  });
  const failed = results.filter((r) => r.status === 'error').length;
  return { status: failed === results.length ? 400 : failed > 0 ? 202 : 201, body: { fields: results } };
}
