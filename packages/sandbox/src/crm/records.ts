/**
 * Record bookkeeping shared by the four stand-ins: creation with the vendor's ids, unique indexes
 * (HubSpot email and unique properties, Salesforce external ids, Zoho unique fields) and the caps
 * that keep a long benchmark bounded.
 */
import { pushCapped } from '../core/capped.ts';
import type { CrmAccount, CrmNote, CrmRecord } from './types.ts';

/** Unique values compare case-insensitively, as every one of the four vendors does for emails and keys. */
export const normalise = (value: string) => value.trim().toLowerCase();

export function findByUnique(account: CrmAccount, field: string, value: string): CrmRecord | undefined {
  const id = account.unique.get(field)?.get(normalise(value));
  return id === undefined ? undefined : account.records.get(id);
}

/** The unique field whose value already belongs to another record, if any. */
export function uniqueConflict(
  account: CrmAccount,
  values: Record<string, string>,
  selfId?: string,
): string | undefined {
  for (const [field, value] of Object.entries(values)) {
    if (!value || !account.fields.get(field)?.unique) continue;
    const owner = account.unique.get(field)?.get(normalise(value));
    if (owner !== undefined && owner !== selfId) return field;
  }
  return undefined;
}

function index(account: CrmAccount, record: CrmRecord, on: boolean): void {
  for (const [field, value] of Object.entries(record.values)) {
    if (!value || !account.fields.get(field)?.unique) continue;
    let map = account.unique.get(field);
    if (!map) {
      map = new Map();
      account.unique.set(field, map);
    }
    if (on) map.set(normalise(value), record.id);
    else if (map.get(normalise(value)) === record.id) map.delete(normalise(value));
  }
}

export function insertRecord(
  account: CrmAccount,
  id: string,
  values: Record<string, string>,
  now: number,
  maxRecords: number,
): CrmRecord {
  const record: CrmRecord = { id, values: dropEmpty(values), createdAt: now, updatedAt: now };
  account.records.set(id, record);
  index(account, record, true);
  // The oldest records go first; their unique values become free again.
  while (account.records.size > maxRecords) {
    const oldest = account.records.values().next().value as CrmRecord;
    removeRecord(account, oldest.id);
  }
  return record;
}

/** Merges `values` into the record; an empty string clears a field. Returns whether anything changed. */
export function updateRecord(
  account: CrmAccount,
  record: CrmRecord,
  values: Record<string, string>,
  now: number,
): boolean {
  const next = dropEmpty({ ...record.values, ...values });
  const changed =
    Object.keys(next).length !== Object.keys(record.values).length ||
    Object.entries(next).some(([k, v]) => record.values[k] !== v);
  if (!changed) return false;
  index(account, record, false);
  record.values = next;
  record.updatedAt = Math.max(now, record.updatedAt);
  index(account, record, true);
  return true;
}

export function removeRecord(account: CrmAccount, id: string): boolean {
  const record = account.records.get(id);
  if (!record) return false;
  index(account, record, false);
  account.records.delete(id);
  account.notes = account.notes.filter((n) => n.recordId !== id);
  return true;
}

export function addNote(account: CrmAccount, note: CrmNote, maxNotes: number): void {
  pushCapped(account.notes, note, maxNotes);
}

/** Records changed at or after `since`, oldest change first (what every "modified since" query returns). */
export function changedSince(account: CrmAccount, since: number): CrmRecord[] {
  return [...account.records.values()]
    .filter((r) => r.updatedAt >= since)
    .sort((a, b) => a.updatedAt - b.updatedAt || a.createdAt - b.createdAt);
}

function dropEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}
