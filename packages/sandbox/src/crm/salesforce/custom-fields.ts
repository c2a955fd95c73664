/**
 * POST tooling/sobjects/CustomField: how an integration adds a field to Lead, e.g. the External ID
 * `ReplyForce_Contact_Id__c` (Text, External ID, Unique) its upserts match on.
 */
import { z } from 'zod';
import type { CrmAccount, FieldDef } from '../types.ts';
import { sfError } from './errors.ts';
import { customFieldId } from './spec.ts';

export const CustomFieldBody = z.object({
  FullName: z.string(),
  Metadata: z.looseObject({
    label: z.string().min(1),
    type: z.enum([
      'Text',
      'TextArea',
      'LongTextArea',
      'Email',
      'Phone',
      'Number',
      'Date',
      'DateTime',
      'Checkbox',
      'Picklist',
    ]),
    length: z.number().int().min(1).max(255).optional(),
    externalId: z.boolean().optional(),
    unique: z.boolean().optional(),
    valueSet: z
      .object({
        valueSetDefinition: z.object({
          value: z.array(z.object({ fullName: z.string(), label: z.string().optional() })),
        }),
      })
      .optional(),
  }),
});

const TYPES: Record<string, FieldDef['type']> = {
  Text: 'string',
  TextArea: 'text',
  LongTextArea: 'text',
  Email: 'email',
  Phone: 'phone',
  Number: 'number',
  Date: 'date',
  DateTime: 'datetime',
  Checkbox: 'bool',
  Picklist: 'enum',
};

let next = 1;

export function createCustomField(account: CrmAccount, body: z.infer<typeof CustomFieldBody>) {
  const m = /^Lead\.([A-Za-z][A-Za-z0-9_]*__c)$/.exec(body.FullName);
  if (!m?.[1]) throw sfError(400, 'INVALID_FIELD', 'FullName must be Lead.<Name>__c');
  const name = m[1];
  if (account.fields.has(name))
    throw sfError(
      400,
      'DUPLICATE_DEVELOPER_NAME',
      `There is already a field named ${name.replace(/__c$/, '')} on Lead.`,
    );
  const meta = body.Metadata;
  if ((meta.externalId || meta.unique) && !['Text', 'Number', 'Email'].includes(meta.type))
    throw sfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Only Text, Number and Email fields can be External IDs');
  if (meta.type === 'Picklist' && !meta.valueSet)
    throw sfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'A picklist needs a valueSet');
  const field: FieldDef = {
    name,
    label: meta.label,
    type: TYPES[meta.type] ?? 'string',
    custom: true,
    ...(meta.externalId || meta.unique ? { unique: true } : {}),
    ...(meta.valueSet
      ? {
          options: meta.valueSet.valueSetDefinition.value.map((v) => ({
            value: v.fullName,
            label: v.label ?? v.fullName,
          })),
        }
      : {}),
  };
  account.fields.set(name, field);
  return { id: customFieldId(next++), success: true, errors: [], warnings: [], infos: [] };
}
