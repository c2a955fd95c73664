import type { QueueStatsDto } from '@replyforce/contracts';
import { countDeadLettersByQueue, withTenant } from '@replyforce/db';
import { isQueueName, QUEUES } from '@replyforce/queue';
import type { z } from 'zod';
import type { CoreDeps } from '../deps.ts';

/**
 * Live job counts per queue (the queue's own, across the deployment) with this tenant's dead
 * letters. A dead letter of a queue since retired is still listed, so it can be seen and deleted.
 */
export async function getQueueStats(
  deps: CoreDeps,
  tenantId: string,
): Promise<z.infer<typeof QueueStatsDto>> {
  const [live, dead] = await Promise.all([
    deps.queue.stats(),
    withTenant(deps.db, tenantId, (tx) => countDeadLettersByQueue(tx, tenantId)),
  ]);
  const names = [...new Set<string>([...QUEUES, ...Object.keys(dead)])];
  return {
    queues: names.map((queue) => {
      const counts = isQueueName(queue) ? live[queue] : undefined;
      return {
        queue,
        waiting: counts?.waiting ?? 0,
        active: counts?.active ?? 0,
        delayed: counts?.delayed ?? 0,
        dead: dead[queue] ?? 0,
      };
    }),
  };
}
