import { describe, expect, it } from 'vitest';
import { hasFilters, readFilters, searchWith, toQueryFilters } from './inbox-filters.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const TEAMMATE = '22222222-2222-4222-8222-222222222222';

describe('inbox filters in the address', () => {
  it('reads every filter the conversations API accepts', () => {
    const filters = readFilters(
      new URLSearchParams({
        status: 'pending_approval',
        platform: 'instagram',
        assignee: TEAMMATE,
        leadTag: 'HOT',
        q: '  refund  ',
      }),
    );
    expect(filters).toEqual({
      status: 'pending_approval',
      platform: 'instagram',
      assignee: TEAMMATE,
      leadTag: 'HOT',
      q: 'refund',
    });
    expect(toQueryFilters(filters, ME)).toEqual({
      status: 'pending_approval',
      platform: 'instagram',
      assignee: TEAMMATE,
      leadTag: 'HOT',
      q: 'refund',
    });
  });

  it('drops values the API would refuse instead of sending them', () => {
    const filters = readFilters(
      new URLSearchParams({
        status: 'deleted',
        platform: 'myspace',
        assignee: 'someone',
        leadTag: 'hot',
        q: 'x'.repeat(500),
      }),
    );
    expect(filters).toEqual({ status: '', platform: '', assignee: '', leadTag: '', q: 'x'.repeat(200) });
    expect(hasFilters(readFilters(new URLSearchParams('status=nope')))).toBe(false);
  });

  it('turns "me" into the signed-in user and keeps "none" for unassigned', () => {
    expect(toQueryFilters(readFilters(new URLSearchParams('assignee=me')), ME)).toEqual({ assignee: ME });
    expect(toQueryFilters(readFilters(new URLSearchParams('assignee=none')), ME)).toEqual({
      assignee: 'none',
    });
    expect(toQueryFilters(readFilters(new URLSearchParams('')), ME)).toEqual({});
  });

  it('changes one filter of the address and keeps the others', () => {
    const params = new URLSearchParams('status=open&q=latte');
    expect(searchWith(params, 'leadTag', 'WARM')).toBe('?status=open&q=latte&leadTag=WARM');
    expect(searchWith(params, 'status', '')).toBe('?q=latte');
    expect(searchWith(new URLSearchParams('status=open'), 'status', '')).toBe('');
  });
});
