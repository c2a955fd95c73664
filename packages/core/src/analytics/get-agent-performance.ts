import type { AgentPerformanceDto, AnalyticsRangeQuery } from '@replyforce/contracts';
import { analyticsAgentPerformance, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** The AI and each person who answers: replies, first responses and their speed, drafts, closes. */
export async function getAgentPerformance(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<AgentPerformanceDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const rows = await withTenant(deps.db, tenantId, (tx) => analyticsAgentPerformance(tx, tenantId, window));
  return { range, rows };
}
