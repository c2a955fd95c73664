/**
 * The slice of SOQL a CRM connector needs: `SELECT f, … FROM Lead [WHERE f op literal [AND …]]
 * [ORDER BY f [ASC|DESC]] [LIMIT n]`. Anything else is MALFORMED_QUERY, an unknown field
 * INVALID_FIELD, like the real parser. Pages hold 2,000 records; the rest follow nextRecordsUrl.
 */
import type { CrmAccount, CrmRecord } from '../types.ts';
import { toEpoch } from '../values.ts';
import { salesforce } from './errors.ts';
import { fieldValue, leadJson } from './json.ts';

type Condition = { field: string; op: string; value: string | null };
export type Query = {
  fields: string[];
  where: Condition[];
  order?: { field: string; dir: 1 | -1 };
  limit?: number;
};

const QUERY =
  /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+(\w+)(?:\s+(ASC|DESC))?)?(?:\s+LIMIT\s+(\d+))?\s*$/i;
const CONDITION = /^(\w+)\s*(=|!=|<=|>=|<|>)\s*('(?:[^'\\]|\\.)*'|null|[\w:.+-]+)$/i;
const SYSTEM = new Set(['Id', 'CreatedDate', 'LastModifiedDate']);

export function parseSoql(account: CrmAccount, soql: string): Query {
  const m = QUERY.exec(soql);
  if (!m) throw salesforce.malformedQuery(`unexpected token in query: ${soql.slice(0, 80)}`);
  const [, list = '', object = '', where, orderField, orderDir, limit] = m;
  if (object !== 'Lead') throw salesforce.invalidField(`sObject type '${object}' is not supported.`);
  const known = (f: string) => {
    if (!SYSTEM.has(f) && !account.fields.has(f))
      throw salesforce.invalidField(`No such column '${f}' on entity 'Lead'.`);
    return f;
  };
  const fields = list.split(',').map((f) => known(f.trim()));
  const conditions = where
    ? where.split(/\s+AND\s+/i).map((part) => {
        const c = CONDITION.exec(part.trim());
        if (!c) throw salesforce.malformedQuery(`unexpected token: ${part.trim()}`);
        const raw = c[3] ?? '';
        const value =
          raw.toLowerCase() === 'null'
            ? null
            : raw.startsWith("'")
              ? raw.slice(1, -1).replace(/\\'/g, "'")
              : raw;
        return { field: known(c[1] ?? ''), op: c[2] ?? '=', value };
      })
    : [];
  return {
    fields,
    where: conditions,
    ...(orderField
      ? { order: { field: known(orderField), dir: orderDir?.toUpperCase() === 'DESC' ? -1 : 1 } }
      : {}),
    ...(limit ? { limit: Number(limit) } : {}),
  };
}

const isDate = (f: string) => f === 'CreatedDate' || f === 'LastModifiedDate';

function compare(field: string, a: string, b: string): number {
  if (isDate(field)) return toEpoch(a) - toEpoch(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(record: CrmRecord, c: Condition): boolean {
  const actual = fieldValue(record, c.field);
  if (c.value === null) return c.op === '=' ? actual === null : c.op === '!=' ? actual !== null : false;
  if (actual === null) return c.op === '!=';
  const cmp = compare(c.field, actual, c.value);
  return (
    { '=': cmp === 0, '!=': cmp !== 0, '<': cmp < 0, '<=': cmp <= 0, '>': cmp > 0, '>=': cmp >= 0 }[c.op] ??
    false
  );
}

export function runSoql(account: CrmAccount, q: Query): CrmRecord[] {
  let rows = [...account.records.values()].filter((r) => q.where.every((c) => matches(r, c)));
  const order = q.order;
  if (order)
    rows = rows.sort(
      (a, b) =>
        order.dir * compare(order.field, fieldValue(a, order.field) ?? '', fieldValue(b, order.field) ?? ''),
    );
  return q.limit !== undefined ? rows.slice(0, q.limit) : rows;
}

export const PAGE = 2000;

/** One page of a query answer; `cursor` names where the next page is kept. */
export function queryPage(
  version: string,
  rows: CrmRecord[],
  fields: string[],
  offset: number,
  cursor?: string,
) {
  const page = rows.slice(offset, offset + PAGE);
  const done = offset + PAGE >= rows.length;
  return {
    totalSize: rows.length,
    done,
    ...(done || !cursor
      ? {}
      : { nextRecordsUrl: `/services/data/${version}/query/${cursor}-${offset + PAGE}` }),
    records: page.map((r) => leadJson(version, r, fields)),
  };
}
