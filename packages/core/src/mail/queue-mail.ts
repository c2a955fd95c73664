import { insertMail, type Tx } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/**
 * Writes the mail in the caller's transaction; call `dispatchMail` after commit. If the dispatch
 * is lost (crash, Redis flushed), the sweeper finds the row still queued and dispatches it again.
 */
export async function queueMailIn(
  tx: Tx,
  tenantId: string,
  mail: { to: string; subject: string; text: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await insertMail(tx, { id, tenantId, toAddress: mail.to, subject: mail.subject, textBody: mail.text });
  return id;
}

export function dispatchMail(deps: CoreDeps, tenantId: string, mailId: string): Promise<void> {
  return deps.queue.dispatch('mail.deliver', { tenantId, mailId }, { jobId: `mail-${mailId}` });
}
