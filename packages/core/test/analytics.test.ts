import { describe, expect, it } from 'vitest';
import { resolveAnalyticsRange } from '../src/analytics/analytics-range.ts';
import { toCsv } from '../src/analytics/csv.ts';

const NOW = new Date('2026-11-23T15:30:00Z');

describe('analytics date range', () => {
  it('defaults to the last 7 days, today included, by day', () => {
    const { range, window } = resolveAnalyticsRange({}, NOW);
    expect(range).toEqual({ from: '2026-11-17', to: '2026-11-23', bucket: 'day', timeZone: 'UTC' });
    expect(window.from.toISOString()).toBe('2026-11-17T00:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('places the missing end 7 days from the given one', () => {
    expect(resolveAnalyticsRange({ from: '2026-02-25' }, NOW).range.to).toBe('2026-03-03');
    expect(resolveAnalyticsRange({ to: '2026-03-03' }, NOW).range.from).toBe('2026-02-25');
  });

  it('buckets by hour up to two days, by day beyond', () => {
    expect(resolveAnalyticsRange({ from: '2026-03-01', to: '2026-03-01' }, NOW).range.bucket).toBe('hour');
    expect(resolveAnalyticsRange({ from: '2026-03-01', to: '2026-03-02' }, NOW).range.bucket).toBe('hour');
    expect(resolveAnalyticsRange({ from: '2026-03-01', to: '2026-03-03' }, NOW).range.bucket).toBe('day');
  });

  it('accepts 366 days (a leap year) and refuses 367 or an inverted range', () => {
    expect(resolveAnalyticsRange({ from: '2028-01-01', to: '2028-12-31' }, NOW).range.bucket).toBe('day');
    expect(() => resolveAnalyticsRange({ from: '2027-01-01', to: '2028-01-02' }, NOW)).toThrow(/at most 366/);
    expect(() => resolveAnalyticsRange({ from: '2026-03-02', to: '2026-03-01' }, NOW)).toThrow(
      /on or before/,
    );
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and ends every line with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 1.5],
          ['say "hi", then\nleave', null],
        ],
      ),
    ).toBe('a,b\r\nplain,1.5\r\n"say ""hi"", then\nleave",\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@sum'], ['ok']])).toBe(
      'name\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@sum\r\nok\r\n',
    );
  });

  it('writes numbers as numbers, including negative ones', () => {
    expect(toCsv(['score'], [[-0.5], [0]])).toBe('score\r\n-0.5\r\n0\r\n');
  });
});
