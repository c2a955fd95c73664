import { findMailForUpdate, markMailDelivered, recordMailFailure, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/** Job handler of `mail.deliver`. Safe to run twice: a delivered mail is not sent again. */
export async function deliverMail(
  deps: CoreDeps,
  p: { tenantId: string; mailId: string },
  ctx: { final: boolean },
): Promise<void> {
  // The row lock keeps two workers from sending the same mail at once.
  const failure = await withTenant(deps.db, p.tenantId, async (tx) => {
    const mail = await findMailForUpdate(tx, p.tenantId, p.mailId);
    if (mail?.status !== 'queued') return undefined;
    try {
      await deps.mail.send({ id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.textBody });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await recordMailFailure(tx, p.tenantId, p.mailId, message, ctx.final);
      return message;
    }
    await markMailDelivered(tx, p.tenantId, p.mailId);
    return undefined;
  });
  // Thrown after commit so the failure is recorded and the queue retries.
  if (failure !== undefined) throw new Error(`mail transport failed: ${failure}`);
}
