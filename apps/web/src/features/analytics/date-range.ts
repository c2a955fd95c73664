import { ANALYTICS_HOURLY_MAX_DAYS, rangeDays, rangeProblem } from '@replyforce/contracts/analytics-range.ts';

// The range the analytics page shows, kept in the address (?range=30d, or ?from=…&to=… for a
// custom one) so a view can be bookmarked and shared. Days are UTC, like the server's buckets.

export const PRESETS = [
  { id: 'today', label: 'Today', days: 1 },
  { id: '7d', label: '7 days', days: 7 },
  { id: '30d', label: '30 days', days: 30 },
  { id: '90d', label: '90 days', days: 90 },
  { id: '12m', label: '12 months', days: 365 },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];
export type RangeChoice = PresetId | 'custom';

export interface DateRange {
  from: string;
  to: string;
}

export interface SelectedRange extends DateRange {
  choice: RangeChoice;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** A preset's days, ending today (UTC). */
export function presetRange(id: PresetId, now: Date = new Date()): DateRange {
  const preset = PRESETS.find((p) => p.id === id) ?? PRESETS[1];
  const to = utcDay(now);
  return { from: addDays(to, 1 - preset.days), to };
}

/** What the address asks for; anything unreadable falls back to the last 7 days. */
export function rangeFromSearch(params: URLSearchParams, now: Date = new Date()): SelectedRange {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && DAY.test(from) && DAY.test(to) && rangeProblem(from, to) === null) {
    return { choice: 'custom', from, to };
  }
  const preset = PRESETS.find((p) => p.id === params.get('range'))?.id ?? '7d';
  return { choice: preset, ...presetRange(preset, now) };
}

export function searchFor(range: SelectedRange): URLSearchParams {
  return range.choice === 'custom'
    ? new URLSearchParams({ from: range.from, to: range.to })
    : new URLSearchParams({ range: range.choice });
}

/** Why a custom range cannot be shown, or null. */
export function customRangeError(from: string, to: string): string | null {
  if (!DAY.test(from) || !DAY.test(to)) return 'Choose both a start and an end date';
  return rangeProblem(from, to);
}

export function isHourly(range: DateRange): boolean {
  return rangeDays(range.from, range.to) <= ANALYTICS_HOURLY_MAX_DAYS;
}

/** The start of every bucket of a range (ISO, UTC), as the server names them. */
export function bucketStarts(range: DateRange): string[] {
  const step = isHourly(range) ? 3_600_000 : DAY_MS;
  const end = Date.parse(`${range.to}T00:00:00Z`) + DAY_MS;
  const starts: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t < end; t += step)
    starts.push(new Date(t).toISOString().replace('.000Z', 'Z'));
  return starts;
}
