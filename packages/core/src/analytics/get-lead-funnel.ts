import type { AnalyticsRangeQuery, LeadFunnelDto } from '@replyforce/contracts';
import { analyticsLeadFunnel, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** Leads active in the range by the furthest stage they reached: COLD → WARM → HOT → in the CRM. */
export async function getLeadFunnel(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<LeadFunnelDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const f = await withTenant(deps.db, tenantId, (tx) => analyticsLeadFunnel(tx, tenantId, window));
  return {
    range,
    stages: [
      { stage: 'COLD', leads: f.cold },
      { stage: 'WARM', leads: f.warm },
      { stage: 'HOT', leads: f.hot },
      { stage: 'synced', leads: f.synced },
    ],
  };
}
