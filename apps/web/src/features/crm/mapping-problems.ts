// What stops a mapping from being saved, by row. The server checks the mapping against the CRM's
// live field list and answers problems by row (`{ index, target, message }`): those are the
// authority, so the client only catches what needs no field list (a row with nothing chosen, too
// few or too many rows). Pure, unit-tested in mapping-problems.test.ts.

import { isApiError } from '../../lib/api-error.ts';
import { MAX_MAPPING_ROWS, type MappingRow } from './mapping-draft.ts';

export const SOURCE_MISSING = 'Choose a ReplyForce field.';
export const TARGET_MISSING = 'Choose a CRM field.';

export interface MappingProblems {
  /** Messages per row key. */
  rows: Record<string, string[]>;
  /** Messages that name no row. */
  general: string[];
}

/** What must be fixed before saving is worth a round trip. */
export function checkRows(rows: readonly MappingRow[]): MappingProblems {
  const problems: MappingProblems = { rows: {}, general: [] };
  if (rows.length === 0) problems.general.push('Map at least one field.');
  if (rows.length > MAX_MAPPING_ROWS) problems.general.push(`Map at most ${MAX_MAPPING_ROWS} fields.`);
  for (const row of rows) {
    const messages: string[] = [];
    if (!row.source) messages.push(SOURCE_MISSING);
    if (!row.target.trim()) messages.push(TARGET_MISSING);
    if (messages.length > 0) problems.rows[row.key] = messages;
  }
  return problems;
}

export function hasProblems(problems: MappingProblems): boolean {
  return problems.general.length > 0 || Object.keys(problems.rows).length > 0;
}

const ITEM_PATH = /^\/?items\/(\d+)/;

/**
 * The server's refusal, by row. `submitted` holds the keys of the rows in the order they were
 * sent, since the server numbers them by position. Accepts the mapping check's
 * `{ index, target, message }` and the schema check's `{ path: "/items/2/target", message }`.
 */
export function problemsFromError(error: unknown, submitted: readonly string[]): MappingProblems {
  const problems: MappingProblems = { rows: {}, general: [] };
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) {
    return problems;
  }
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { index, path, message } = detail as { index?: unknown; path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const position =
      typeof index === 'number'
        ? index
        : typeof path === 'string'
          ? Number(ITEM_PATH.exec(path)?.[1] ?? Number.NaN)
          : Number.NaN;
    const key = Number.isInteger(position) ? submitted[position] : undefined;
    if (key) problems.rows[key] = [...(problems.rows[key] ?? []), message];
    else problems.general.push(message);
  }
  return problems;
}
