import { CRM_SOURCE_FIELDS } from '@replyforce/contracts';
import { describe, expect, it } from 'vitest';
import {
  type CrmFieldInfo,
  emptyRow,
  isMappingChanged,
  type MappingRow,
  rowsFromItems,
  SOURCE_FIELDS,
  showsValueMap,
  targetOptions,
  toMappingItems,
  valueMapOf,
} from './mapping-draft.ts';

// A HubSpot-like field list, as GET …/fields answers it.
const FIELDS: CrmFieldInfo[] = [
  { name: 'email', label: 'Email', type: 'string' },
  { name: 'firstname', label: 'First Name', type: 'string' },
  { name: 'company', label: 'Company Name', type: 'string' },
  { name: 'message', label: 'Message', type: 'string' },
  {
    name: 'hs_lead_status',
    label: 'Lead Status',
    type: 'enumeration',
    options: ['NEW', 'OPEN', 'IN_PROGRESS', 'CONNECTED'],
  },
  { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnly: true },
];
const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

function row(partial: Partial<MappingRow>): MappingRow {
  return { ...emptyRow(), ...partial };
}

describe('the mapping editor', () => {
  it('offers every ReplyForce field the server accepts, no more', () => {
    expect([...SOURCE_FIELDS].sort()).toEqual([...CRM_SOURCE_FIELDS].sort());
  });

  it('round-trips a saved mapping unchanged', () => {
    const saved = [
      { source: 'email' as const, target: 'email', valueMap: null },
      {
        source: 'lead_tag' as const,
        target: 'hs_lead_status',
        valueMap: { HOT: 'IN_PROGRESS', WARM: 'OPEN', COLD: 'NEW' },
      },
    ];
    const rows = rowsFromItems(saved);
    expect(toMappingItems(rows, BY_NAME)).toEqual([
      { source: 'email', target: 'email' },
      {
        source: 'lead_tag',
        target: 'hs_lead_status',
        valueMap: { HOT: 'IN_PROGRESS', WARM: 'OPEN', COLD: 'NEW' },
      },
    ]);
    expect(isMappingChanged(rows, saved, BY_NAME)).toBe(false);
  });

  it('notices an edit, and its undoing, whatever the order of the value map', () => {
    const saved = [
      {
        source: 'lead_tag' as const,
        target: 'hs_lead_status',
        valueMap: { HOT: 'IN_PROGRESS', WARM: 'OPEN', COLD: 'NEW' },
      },
    ];
    const [tag] = rowsFromItems(saved);
    if (!tag) throw new Error('no row');
    const edited = { ...tag, values: { ...tag.values, HOT: 'CONNECTED' } };
    expect(isMappingChanged([edited], saved, BY_NAME)).toBe(true);
    const reordered = { ...tag, values: { COLD: 'NEW', WARM: 'OPEN', HOT: 'IN_PROGRESS' } };
    expect(isMappingChanged([reordered], saved, BY_NAME)).toBe(false);
    // A new row with nothing chosen yet is a change too (Save then says what is missing).
    expect(isMappingChanged([tag, emptyRow()], saved, BY_NAME)).toBe(true);
  });

  it('on a picklist, a tag left blank is left out (the CRM field stays as it is)', () => {
    const tag = row({
      source: 'lead_tag',
      target: 'hs_lead_status',
      values: { HOT: 'CONNECTED', WARM: '', COLD: 'NEW' },
    });
    expect(valueMapOf(tag, BY_NAME.get('hs_lead_status'))).toEqual({ HOT: 'CONNECTED', COLD: 'NEW' });
  });

  it('on a text field, a tag left blank is sent as it is; nothing filled means no value map', () => {
    const field = BY_NAME.get('message');
    expect(
      valueMapOf(row({ source: 'lead_tag', target: 'message', values: { HOT: 'Hot lead' } }), field),
    ).toEqual({
      HOT: 'Hot lead',
      WARM: 'WARM',
      COLD: 'COLD',
    });
    expect(
      valueMapOf(row({ source: 'lead_tag', target: 'message', values: { HOT: '  ' } }), field),
    ).toBeNull();
  });

  it('shows value maps where they mean something', () => {
    const picklist = BY_NAME.get('hs_lead_status');
    const text = BY_NAME.get('company');
    expect(showsValueMap(row({ source: 'lead_tag', target: 'company' }), text)).toBe(true);
    expect(showsValueMap(row({ source: 'lead_source', target: 'hs_lead_status' }), picklist)).toBe(true);
    expect(showsValueMap(row({ source: 'lead_source', target: 'company' }), text)).toBe(false);
    expect(showsValueMap(row({ source: 'email', target: 'email' }), BY_NAME.get('email'))).toBe(false);
    // A map set through the API on any other field is still shown, so it can be seen and changed.
    expect(
      showsValueMap(row({ source: 'intent', target: 'message', values: { question: 'Q' } }), undefined),
    ).toBe(true);
    expect(showsValueMap(row({ source: '', target: '' }), undefined)).toBe(false);
  });

  it('offers the writable fields by label, and keeps a target the CRM no longer lists as writable', () => {
    expect(targetOptions(FIELDS, 'email').map((o) => o.value)).toEqual([
      'company',
      'email',
      'firstname',
      'hs_lead_status',
      'message',
    ]);
    expect(targetOptions(FIELDS, '')[0]).toEqual({ value: 'company', label: 'Company Name (company)' });
    expect(targetOptions(FIELDS, 'hs_object_id')[0]).toEqual({
      value: 'hs_object_id',
      label: 'Record ID (hs_object_id), read-only',
    });
    expect(targetOptions(FIELDS, 'gone_field')[0]).toEqual({
      value: 'gone_field',
      label: 'gone_field (not in the CRM’s field list)',
    });
  });
});
