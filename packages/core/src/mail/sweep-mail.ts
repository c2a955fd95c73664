import { listStaleQueuedMails, withSystem } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { dispatchMail } from './queue-mail.ts';

/** Re-dispatches mails still queued after `staleMs` (a lost dispatch, a restart, a flushed Redis). */
export async function sweepQueuedMail(deps: CoreDeps, staleMs = 60_000): Promise<number> {
  const stale = await withSystem(deps.db, (tx) =>
    listStaleQueuedMails(tx, new Date(Date.now() - staleMs), 500),
  );
  for (const m of stale) await dispatchMail(deps, m.tenantId, m.id);
  return stale.length;
}
