// Date-range rules shared by the server and the dashboard. No zod here, so the dashboard can import
// this file without bundling the schemas.

/** The longest range one request may cover, in days (both ends included). */
export const ANALYTICS_MAX_DAYS = 366;
/** Ranges of this many days or fewer are bucketed by hour, longer ones by day. */
export const ANALYTICS_HOURLY_MAX_DAYS = 2;
/** Without from/to: the last 7 days, today included. */
export const ANALYTICS_DEFAULT_DAYS = 7;

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both ends included (1 for a single day); NaN for a bad date. */
export function rangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Why a range is refused, in words a person can act on; null when it is fine. */
export function rangeProblem(from: string, to: string): string | null {
  const days = rangeDays(from, to);
  if (Number.isNaN(days)) return 'Use dates like 2026-03-01';
  if (days < 1) return 'The start date must be on or before the end date';
  if (days > ANALYTICS_MAX_DAYS) return `A range can cover at most ${ANALYTICS_MAX_DAYS} days`;
  return null;
}
