import { describe, expect, it } from 'vitest';
import { hasLeadFilters, readLeadQuery, toSearchParams } from './lead-filters.ts';

describe('lead list filters in the address', () => {
  it('reads what the API accepts and ignores the rest', () => {
    expect(readLeadQuery(new URLSearchParams('tag=hot&q=%20jane%20&sort=score'))).toEqual({
      tag: 'HOT',
      q: 'jane',
      sort: 'score',
    });
    expect(readLeadQuery(new URLSearchParams('tag=LUKEWARM&sort=name'))).toEqual({
      tag: '',
      q: '',
      sort: 'recent',
    });
    expect(readLeadQuery(new URLSearchParams(`q=${'a'.repeat(150)}`)).q).toHaveLength(100);
  });

  it('writes only what differs from the defaults', () => {
    expect(toSearchParams({ tag: '', q: '', sort: 'recent' }).toString()).toBe('');
    expect(toSearchParams({ tag: 'COLD', q: 'ana b', sort: 'score' }).toString()).toBe(
      'tag=COLD&q=ana+b&sort=score',
    );
    expect(hasLeadFilters({ tag: '', q: '', sort: 'score' })).toBe(false);
    expect(hasLeadFilters({ tag: 'WARM', q: '', sort: 'recent' })).toBe(true);
  });
});
