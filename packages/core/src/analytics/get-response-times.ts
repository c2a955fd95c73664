import type { AnalyticsRangeQuery, ResponseTimesDto } from '@replyforce/contracts';
import { analyticsResponseTimes, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** First-response time per hour or day of the customer message's arrival (the chart). */
export async function getResponseTimes(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<ResponseTimesDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const points = await withTenant(deps.db, tenantId, (tx) => analyticsResponseTimes(tx, tenantId, window));
  return { range, points };
}
