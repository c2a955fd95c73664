import type { CoreDeps } from '../deps.ts';

/** Queues the send of an outbound message row; the sweeper re-dispatches a lost one. */
export function dispatchSend(deps: CoreDeps, tenantId: string, messageId: string): Promise<void> {
  return deps.queue.dispatch('outbound.send', { tenantId, messageId }, { jobId: `outbound-${messageId}` });
}
