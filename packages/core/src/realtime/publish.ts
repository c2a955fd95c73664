import type { RealtimeEventType } from '@replyforce/contracts';
import type { CoreDeps } from '../deps.ts';

/**
 * Tells the tenant's dashboards something changed. Best effort and never awaited by business
 * logic: a dashboard that misses an event still reads the truth from the API.
 */
export function publish(deps: CoreDeps, tenantId: string, type: RealtimeEventType, data: object): void {
  deps.bus
    .publish(tenantId, { type, data: data as Record<string, unknown>, at: new Date().toISOString() })
    .catch(() => {});
}
