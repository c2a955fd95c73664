/**
 * Pipedrive persons, API v2 (§10): create, update, delete, list by `updated_since`, and search.
 * There is no upsert: a client finds before it creates. Arrays (emails, phones, label_ids) are
 * kept flat in the store: the primary email and phone, labels comma-separated.
 */
import type { CrmAccount, CrmRecord } from '../types.ts';
import { checkValue, stringValues } from '../values.ts';
import { pipedrive } from './errors.ts';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Contact = { value?: unknown; primary?: unknown };

function primaryOf(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const items = list as Contact[];
  const chosen = items.find((i) => i?.primary === true) ?? items[0];
  return chosen === undefined ? '' : typeof chosen.value === 'string' ? chosen.value : '';
}

/** The request body of POST/PATCH /api/v2/persons as flat store values; 400 for what Pipedrive refuses. */
export function personValues(account: CrmAccount, body: Record<string, unknown>): Record<string, string> {
  const { emails, phones, label_ids: labels, custom_fields: custom, ...rest } = body;
  const values = stringValues(rest);
  const email = primaryOf(emails);
  const phone = primaryOf(phones);
  if (email !== undefined) values.emails = email;
  if (phone !== undefined) values.phones = phone;
  if (Array.isArray(labels)) values.label_ids = labels.map(String).join(',');
  if (custom && typeof custom === 'object')
    Object.assign(values, stringValues(custom as Record<string, unknown>));
  for (const [name, value] of Object.entries(values)) {
    const p = checkValue(account.fields.get(name), name, value);
    if (p?.problem === 'unknown') throw pipedrive.badRequest(`Unknown field: ${name}`);
    if (p) throw pipedrive.badRequest(`Validation failed: ${name}: ${p.problem.replace('_', ' ')}`);
  }
  return values;
}

export function personJson(account: CrmAccount, r: CrmRecord) {
  const v = r.values;
  const custom = Object.fromEntries(
    [...account.fields.values()].filter((f) => f.custom).map((f) => [f.name, v[f.name] ?? null]),
  );
  return {
    id: Number(r.id),
    name: v.name ?? '',
    first_name: v.first_name ?? null,
    last_name: v.last_name ?? null,
    add_time: iso(r.createdAt),
    update_time: iso(r.updatedAt),
    owner_id: v.owner_id ? Number(v.owner_id) : null,
    org_id: null,
    picture_id: null,
    visible_to: 3,
    label_ids: v.label_ids ? v.label_ids.split(',').map(Number) : [],
    emails: v.emails ? [{ value: v.emails, primary: true, label: 'work' }] : [],
    phones: v.phones ? [{ value: v.phones, primary: true, label: 'work' }] : [],
    job_title: v.job_title ?? null,
    marketing_status: v.marketing_status ?? null,
    is_deleted: false,
    custom_fields: custom,
  };
}

export type SearchQuery = { term: string; fields: string[]; exact: boolean };

function candidates(account: CrmAccount, r: CrmRecord, fields: string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f === 'name' && r.values.name) out.push(r.values.name);
    if (f === 'email' && r.values.emails) out.push(r.values.emails);
    if (f === 'phone' && r.values.phones) out.push(r.values.phones);
    if (f === 'custom_fields')
      for (const def of account.fields.values())
        if (def.custom && r.values[def.name]) out.push(r.values[def.name] ?? '');
  }
  return out;
}

/** GET /api/v2/persons/search: oldest person first among equal scores, as the ids are sequential. */
export function searchPersons(account: CrmAccount, q: SearchQuery) {
  if (q.term.length < (q.exact ? 1 : 2))
    throw pipedrive.badRequest('Validation failed: term: must be at least 2 characters');
  const term = q.term.toLowerCase();
  const items: { result_score: number; item: object }[] = [];
  for (const r of account.records.values()) {
    const values = candidates(account, r, q.fields).map((s) => s.toLowerCase());
    const exact = values.some((s) => s === term);
    if (!exact && (q.exact || !values.some((s) => s.includes(term)))) continue;
    items.push({
      result_score: exact ? 1 : 0.5,
      item: {
        id: Number(r.id),
        type: 'person',
        name: r.values.name ?? '',
        phones: r.values.phones ? [r.values.phones] : [],
        emails: r.values.emails ? [r.values.emails] : [],
        visible_to: 3,
        owner: { id: Number(r.values.owner_id ?? 0) },
        organization: null,
        custom_fields: candidates(account, r, ['custom_fields']),
        notes: [],
        update_time: iso(r.updatedAt),
      },
    });
  }
  return items.sort(
    (a, b) =>
      b.result_score - a.result_score || (a.item as { id: number }).id - (b.item as { id: number }).id,
  );
}
