/**
 * POST /crm/v3/objects/contacts/search: filter groups (OR of ANDs), one sort, `after` paging, at most
 * 200 per page and 10,000 in all, like HubSpot's CRM search.
 */
import { z } from 'zod';
import type { CrmAccount, CrmRecord } from '../types.ts';
import { toEpoch } from '../values.ts';
import { hubspot } from './errors.ts';
import { contactJson } from './json.ts';

const Filter = z.object({
  propertyName: z.string(),
  operator: z.enum(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']),
  value: z.union([z.string(), z.number()]).optional(),
});
export const SearchBody = z.object({
  filterGroups: z
    .array(z.object({ filters: z.array(Filter).max(6) }))
    .max(5)
    .default([]),
  sorts: z
    .array(
      z.union([
        z.string(),
        z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']) }),
      ]),
    )
    .max(1)
    .default([]),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(1).max(200).default(10),
  after: z.union([z.string(), z.number()]).optional(),
});

const DEFAULT_PROPERTIES = [
  'email',
  'firstname',
  'lastname',
  'createdate',
  'lastmodifieddate',
  'hs_object_id',
];
const MAX_RESULTS = 10_000;

function propertyValue(record: CrmRecord, name: string): string | undefined {
  if (name === 'hs_object_id') return record.id;
  if (name === 'createdate') return String(record.createdAt);
  if (name === 'lastmodifieddate') return String(record.updatedAt);
  return record.values[name];
}

function compare(a: string, b: string, isDate: boolean): number {
  if (isDate) return toEpoch(a) - toEpoch(b);
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

function matches(account: CrmAccount, record: CrmRecord, f: z.infer<typeof Filter>): boolean {
  const actual = propertyValue(record, f.propertyName);
  if (f.operator === 'HAS_PROPERTY') return actual !== undefined;
  if (f.operator === 'NOT_HAS_PROPERTY') return actual === undefined;
  if (actual === undefined || f.value === undefined) return false;
  const type = account.fields.get(f.propertyName)?.type;
  const cmp = compare(actual, String(f.value), type === 'date' || type === 'datetime');
  switch (f.operator) {
    case 'EQ':
      return cmp === 0;
    case 'NEQ':
      return cmp !== 0;
    case 'LT':
      return cmp < 0;
    case 'LTE':
      return cmp <= 0;
    case 'GT':
      return cmp > 0;
    case 'GTE':
      return cmp >= 0;
  }
}

export function searchContacts(account: CrmAccount, body: z.infer<typeof SearchBody>) {
  for (const g of body.filterGroups)
    for (const f of g.filters)
      if (!account.fields.has(f.propertyName))
        throw hubspot.validation(
          `There was a problem with the request: property ${f.propertyName} does not exist`,
        );
  const after = Number(body.after ?? 0);
  if (!Number.isInteger(after) || after < 0) throw hubspot.validation('after must be a non-negative integer');
  if (after + body.limit > MAX_RESULTS)
    throw hubspot.validation(
      `The search API returns at most ${MAX_RESULTS} results; page past it with a narrower filter`,
    );
  let found = [...account.records.values()].filter(
    (r) =>
      body.filterGroups.length === 0 ||
      body.filterGroups.some((g) => g.filters.every((f) => matches(account, r, f))),
  );
  const sort = body.sorts[0];
  if (sort) {
    const name = typeof sort === 'string' ? sort : sort.propertyName;
    const dir = typeof sort === 'string' || sort.direction === 'ASCENDING' ? 1 : -1;
    const type = account.fields.get(name)?.type;
    found = found.sort(
      (a, b) =>
        dir *
        compare(
          propertyValue(a, name) ?? '',
          propertyValue(b, name) ?? '',
          type === 'date' || type === 'datetime',
        ),
    );
  }
  const page = found.slice(after, after + body.limit);
  const properties = [...new Set([...DEFAULT_PROPERTIES, ...(body.properties ?? [])])];
  const next = after + body.limit;
  return {
    total: found.length,
    results: page.map((r) => contactJson(r, properties)),
    ...(next < found.length ? { paging: { next: { after: String(next), link: '' } } } : {}),
  };
}
