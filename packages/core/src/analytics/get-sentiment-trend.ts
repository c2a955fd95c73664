import type { AnalyticsRangeQuery, SentimentDto } from '@replyforce/contracts';
import { analyticsSentiment, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** Customer messages per bucket by the sentiment the AI read, and the mean score. */
export async function getSentimentTrend(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<SentimentDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const points = await withTenant(deps.db, tenantId, (tx) => analyticsSentiment(tx, tenantId, window));
  return { range, points };
}
