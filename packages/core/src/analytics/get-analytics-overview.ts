import type { AnalyticsOverviewDto, AnalyticsRangeQuery } from '@replyforce/contracts';
import { analyticsOverview, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** The KPI cards: volume, response rate, first-response time, AI auto-resolution, escalations. */
export async function getAnalyticsOverview(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<AnalyticsOverviewDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const r = await withTenant(deps.db, tenantId, (tx) => analyticsOverview(tx, tenantId, window));
  return {
    range,
    messages: {
      total: r.fromCustomers + r.byAi + r.byAgents,
      fromCustomers: r.fromCustomers,
      byAi: r.byAi,
      byAgents: r.byAgents,
    },
    responseRate: r.fromCustomers > 0 ? r.replied / r.fromCustomers : null,
    repliedMessages: r.replied,
    firstResponse: { medianSeconds: r.medianSeconds, p90Seconds: r.p90Seconds },
    autoResolution: {
      rate: r.conversations > 0 ? r.resolved / r.conversations : null,
      conversations: r.conversations,
      resolved: r.resolved,
    },
    escalations: {
      total: r.escalationsByAi + r.escalationsByPeople,
      byAi: r.escalationsByAi,
      byPeople: r.escalationsByPeople,
    },
  };
}
