// The field-mapping editor's state and the rules that turn it into the body of
// PUT /api/v1/crm/integrations/:id/mapping. Pure functions, unit-tested in mapping-draft.test.ts.
// What is wrong with a mapping is in mapping-problems.ts.

import type { CrmSourceField } from '@replyforce/contracts';

/** A CRM field as GET …/fields lists it. */
export interface CrmFieldInfo {
  name: string;
  label: string;
  type: string;
  options?: string[];
  readOnly?: boolean;
  custom?: boolean;
}

export interface MappingItem {
  source: CrmSourceField;
  target: string;
  valueMap?: Record<string, string> | null;
}

export interface MappingRow {
  /** Stable across edits, so errors and focus stay with their row. */
  key: string;
  source: CrmSourceField | '';
  target: string;
  /** ReplyForce value → CRM value, as typed or picked; blanks are resolved by toMappingBody. */
  values: Record<string, string>;
}

/** The ReplyForce side, in the order the editor offers it (the contracts' CRM_SOURCE_FIELDS). */
export const SOURCE_LABELS: Record<CrmSourceField, string> = {
  email: 'Email address',
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name',
  phone: 'Phone number',
  username: 'Username on the channel',
  company: 'Company',
  lead_tag: 'Lead tag (HOT, WARM, COLD)',
  lead_score: 'Lead score (0–100)',
  intent: 'Intent',
  lead_source: 'Lead source (channel name)',
  channel: 'Channel id',
  summary: 'Conversation summary',
  conversation_url: 'Link to the conversation',
  contact_id: 'ReplyForce contact id',
};

export const SOURCE_FIELDS = Object.keys(SOURCE_LABELS) as CrmSourceField[];

/** The values a source can take that are worth translating one by one (build-record.ts). */
export const VALUE_KEYS: Partial<Record<CrmSourceField, readonly string[]>> = {
  lead_tag: ['HOT', 'WARM', 'COLD'],
  lead_source: ['Facebook', 'Instagram', 'WhatsApp', 'X'],
  channel: ['facebook', 'instagram', 'whatsapp', 'x'],
};

export const MAX_MAPPING_ROWS = 50;

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function rowsFromItems(items: readonly MappingItem[]): MappingRow[] {
  return items.map((item) => ({
    key: newRowKey(),
    source: item.source,
    target: item.target,
    values: { ...(item.valueMap ?? {}) },
  }));
}

export function emptyRow(): MappingRow {
  return { key: newRowKey(), source: '', target: '', values: {} };
}

export function isPicklist(field: CrmFieldInfo | undefined): boolean {
  return Boolean(field?.options && field.options.length > 0);
}

/** The values the row translates, in a stable order: the source's known ones, then any others it holds. */
export function valueKeys(row: Pick<MappingRow, 'source' | 'values'>): string[] {
  const known = row.source ? (VALUE_KEYS[row.source] ?? []) : [];
  return [...known, ...Object.keys(row.values).filter((key) => !known.includes(key))];
}

/**
 * Whether the row shows a value map: always for the lead tag (CRMs have their own status values),
 * for the channel-based sources when the CRM field is a picklist, and whenever it already has one.
 */
export function showsValueMap(row: MappingRow, field: CrmFieldInfo | undefined): boolean {
  if (!row.source) return false;
  if (row.source === 'lead_tag') return true;
  if (VALUE_KEYS[row.source] && isPicklist(field)) return true;
  return Object.keys(row.values).length > 0;
}

/**
 * The row's value map as the server takes it. The server sends only the values a map lists, so:
 * on a picklist a blank leaves the CRM field unchanged for that value; on a free-text field a blank
 * sends the value as it is (it maps to itself). With nothing filled in there is no map at all.
 */
export function valueMapOf(row: MappingRow, field: CrmFieldInfo | undefined): Record<string, string> | null {
  if (!showsValueMap(row, field)) return null;
  const entries = valueKeys(row).map((key) => [key, (row.values[key] ?? '').trim()] as const);
  if (entries.every(([, value]) => value === '')) return null;
  const picklist = isPicklist(field);
  const map: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (value !== '') map[key] = value;
    else if (!picklist) map[key] = key;
  }
  return map;
}

export function toMappingItems(
  rows: readonly MappingRow[],
  fields: ReadonlyMap<string, CrmFieldInfo>,
): MappingItem[] {
  return rows
    .filter((row): row is MappingRow & { source: CrmSourceField } => row.source !== '')
    .map((row) => {
      const valueMap = valueMapOf(row, fields.get(row.target));
      return { source: row.source, target: row.target.trim(), ...(valueMap ? { valueMap } : {}) };
    });
}

/** One string per mapping, so "changed since saved" ignores key order and null-versus-absent maps. */
function canonical(items: readonly MappingItem[]): string {
  return JSON.stringify(
    items.map((item) => [
      item.source,
      item.target,
      Object.entries(item.valueMap ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    ]),
  );
}

export function isMappingChanged(
  rows: readonly MappingRow[],
  saved: readonly MappingItem[],
  fields: ReadonlyMap<string, CrmFieldInfo>,
): boolean {
  return (
    rows.some((row) => row.source === '') || canonical(toMappingItems(rows, fields)) !== canonical(saved)
  );
}

/**
 * The choices for a row's CRM field: the writable fields by label, plus the row's current target
 * when the CRM does not list it as writable, so the mapping is shown as it is and the server can say
 * what is wrong with it.
 */
export function targetOptions(
  fields: readonly CrmFieldInfo[],
  current: string,
): Array<{ value: string; label: string }> {
  const writable = fields
    .filter((field) => !field.readOnly)
    .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name))
    .map((field) => ({ value: field.name, label: fieldLabel(field) }));
  if (current && !writable.some((option) => option.value === current)) {
    const field = fields.find((f) => f.name === current);
    writable.unshift({
      value: current,
      label: field ? `${fieldLabel(field)}, read-only` : `${current} (not in the CRM’s field list)`,
    });
  }
  return writable;
}

function fieldLabel(field: CrmFieldInfo): string {
  return field.label && field.label !== field.name ? `${field.label} (${field.name})` : field.name;
}
