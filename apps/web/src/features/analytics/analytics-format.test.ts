import { describe, expect, it } from 'vitest';
import { customRangeError, isHourly, presetRange, rangeFromSearch, searchFor } from './date-range.ts';
import { countOf, formatSeconds, formatShare } from './format-analytics.ts';

const NOW = new Date('2026-03-10T18:45:00Z');

describe('analytics date range', () => {
  it('presets end today (UTC) and count today in', () => {
    expect(presetRange('today', NOW)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetRange('7d', NOW)).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(presetRange('12m', NOW)).toEqual({ from: '2025-03-11', to: '2026-03-10' });
  });

  it('reads the address, falling back to 7 days for anything it cannot use', () => {
    expect(rangeFromSearch(new URLSearchParams('range=30d'), NOW)).toEqual({
      choice: '30d',
      from: '2026-02-09',
      to: '2026-03-10',
    });
    expect(rangeFromSearch(new URLSearchParams('from=2026-01-01&to=2026-01-31'), NOW)).toEqual({
      choice: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    for (const bad of ['range=forever', 'from=2026-02-01&to=2026-01-01', 'from=2020-01-01&to=2026-01-01', ''])
      expect(rangeFromSearch(new URLSearchParams(bad), NOW).choice).toBe('7d');
  });

  it('writes a preset by name and a custom range by its days', () => {
    expect(searchFor({ choice: '90d', from: 'x', to: 'y' }).toString()).toBe('range=90d');
    expect(searchFor({ choice: 'custom', from: '2026-01-01', to: '2026-01-02' }).toString()).toBe(
      'from=2026-01-01&to=2026-01-02',
    );
  });

  it('explains a custom range it refuses', () => {
    expect(customRangeError('', '2026-01-02')).toBe('Choose both a start and an end date');
    expect(customRangeError('2026-01-03', '2026-01-02')).toMatch(/on or before/);
    expect(customRangeError('2025-01-01', '2026-01-02')).toMatch(/at most 366 days/);
    expect(customRangeError('2025-01-01', '2026-01-01')).toBeNull();
  });

  it('is hourly for two days or fewer', () => {
    expect(isHourly({ from: '2026-01-01', to: '2026-01-02' })).toBe(true);
    expect(isHourly({ from: '2026-01-01', to: '2026-01-03' })).toBe(false);
  });
});

describe('analytics figures', () => {
  it('says one lead, two leads', () => {
    expect(countOf(1, 'lead')).toBe('1 lead');
    expect(countOf(0, 'lead')).toBe('0 leads');
    expect(countOf(1200, 'customer message')).toBe('1,200 customer messages');
  });

  it('writes durations the way people say them', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(60)).toBe('1 min');
    expect(formatSeconds(492)).toBe('8 min 12 s');
    expect(formatSeconds(7500)).toBe('2 h 5 min');
    expect(formatSeconds(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h');
  });

  it('writes shares as percentages', () => {
    expect(formatShare(0.75)).toBe('75%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('—');
  });
});
