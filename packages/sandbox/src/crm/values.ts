import type { CrmAccount, FieldDef } from './types.ts';

export type ValueProblem = {
  field: string;
  problem: 'unknown' | 'read_only' | 'invalid_option' | 'invalid_email' | 'invalid_number' | 'invalid_date';
  value: string;
  allowed?: string[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with one value for one field; multi-valued enums (Pipedrive labels) are comma-separated. */
export function checkValue(
  field: FieldDef | undefined,
  name: string,
  value: string,
): ValueProblem | undefined {
  if (!field) return { field: name, problem: 'unknown', value };
  if (field.readOnly) return { field: name, problem: 'read_only', value };
  if (value === '') return undefined;
  if (field.type === 'enum' && field.options) {
    const allowed = field.options.map((o) => o.value);
    const parts = field.multi ? value.split(',').map((s) => s.trim()) : [value];
    if (parts.some((p) => !allowed.includes(p)))
      return { field: name, problem: 'invalid_option', value, allowed };
  }
  if (field.type === 'email' && !EMAIL.test(value)) return { field: name, problem: 'invalid_email', value };
  if (field.type === 'number' && !Number.isFinite(Number(value)))
    return { field: name, problem: 'invalid_number', value };
  if ((field.type === 'date' || field.type === 'datetime') && Number.isNaN(toEpoch(value)))
    return { field: name, problem: 'invalid_date', value };
  return undefined;
}

export function checkValues(account: CrmAccount, values: Record<string, string>): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const problem = checkValue(account.fields.get(name), name, value);
    if (problem) out.push(problem);
  }
  return out;
}

/** Epoch ms from an ISO date or an epoch-ms string; NaN when neither. */
export function toEpoch(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  return Date.parse(value);
}

/** Vendors send numbers, booleans and nulls in JSON; the store keeps strings (null clears). */
export function stringValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === null || v === undefined) out[k] = '';
    else if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else out[k] = JSON.stringify(v);
  }
  return out;
}
