import {
  ANALYTICS_DEFAULT_DAYS,
  ANALYTICS_HOURLY_MAX_DAYS,
  type AnalyticsRangeDto,
  type AnalyticsRangeQuery,
  rangeDays,
  rangeProblem,
} from '@replyforce/contracts';
import type { AnalyticsWindow } from '@replyforce/db';
import { AppError } from '../app-error.ts';

const DAY_MS = 86_400_000;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/**
 * The days a report covers (both ends included, UTC) and the window the SQL reads. Without dates:
 * the last 7 days, today included; with one date, the other is placed 7 days away. Tenants have no
 * time zone of their own yet, so days and hours are UTC.
 */
export function resolveAnalyticsRange(
  query: AnalyticsRangeQuery,
  now: Date = new Date(),
): { range: AnalyticsRangeDto; window: AnalyticsWindow } {
  const span = ANALYTICS_DEFAULT_DAYS - 1;
  const to = query.to ?? (query.from ? addDays(query.from, span) : dayOf(now));
  const from = query.from ?? addDays(to, -span);
  const problem = rangeProblem(from, to);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', problem, {
      details: [{ where: 'querystring', path: '/from', message: problem }],
    });
  }
  const bucket = rangeDays(from, to) <= ANALYTICS_HOURLY_MAX_DAYS ? 'hour' : 'day';
  return {
    range: { from, to, bucket, timeZone: 'UTC' },
    window: {
      from: new Date(`${from}T00:00:00Z`),
      to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS),
      bucket,
    },
  };
}
