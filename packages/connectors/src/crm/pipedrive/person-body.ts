/** Mapped fields (strings, by Pipedrive field code) → a v2 person body. */
import { NOT_PROVIDED } from '../shared/text.ts';
import type { CrmRecordInput } from '../types.ts';

const CUSTOM = /^[0-9a-f]{40}$/;
const TEXT = new Set(['name', 'first_name', 'last_name', 'job_title', 'marketing_status']);
const NUMBER = new Set(['owner_id', 'org_id', 'visible_to']);

export type PersonBody = Record<string, unknown> & { custom_fields: Record<string, unknown> };

/** The body, or the reason a field cannot be sent (an unknown field fails that record only). */
export function personBody(
  r: CrmRecordInput,
  keyCode: string,
  creating: boolean,
): PersonBody | { problem: string } {
  const body: PersonBody = { custom_fields: { [keyCode]: r.externalKey } };
  for (const [field, value] of Object.entries(r.fields)) {
    if (TEXT.has(field)) body[field] = value;
    else if (field === 'email' || field === 'emails')
      body.emails = value ? [{ value, primary: true, label: 'work' }] : [];
    else if (field === 'phone' || field === 'phones')
      body.phones = value ? [{ value, primary: true, label: 'work' }] : [];
    else if (NUMBER.has(field)) {
      if (!/^\d+$/.test(value)) return { problem: `${field} must be a numeric id, got '${value}'` };
      body[field] = Number(value);
    } else if (field === 'label_ids')
      body.label_ids = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number);
    else if (CUSTOM.test(field)) body.custom_fields[field] = value;
    else return { problem: `'${field}' is not a Pipedrive person field` };
  }
  if (r.email && body.emails === undefined) body.emails = [{ value: r.email, primary: true, label: 'work' }];
  if (creating && !body.name) {
    const full = [r.fields.first_name, r.fields.last_name].filter(Boolean).join(' ');
    body.name = full || r.email || NOT_PROVIDED;
  }
  return body;
}
