import type { AnalyticsRangeQuery, VolumeDto } from '@replyforce/contracts';
import { analyticsVolume, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { resolveAnalyticsRange } from './analytics-range.ts';

/** Messages per channel in the range, and customer messages per bucket and channel. */
export async function getChannelVolume(
  deps: CoreDeps,
  tenantId: string,
  query: AnalyticsRangeQuery,
): Promise<VolumeDto> {
  const { range, window } = resolveAnalyticsRange(query);
  const volume = await withTenant(deps.db, tenantId, (tx) => analyticsVolume(tx, tenantId, window));
  return { range, ...volume };
}
