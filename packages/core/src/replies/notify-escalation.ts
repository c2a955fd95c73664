import { listMembers, type Tx } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { queueMailIn } from '../mail/queue-mail.ts';

/**
 * Seed 001 §8.3: an escalated conversation notifies its assigned agent by email (the dashboard
 * hears it over the WebSocket); with nobody assigned, the workspace's admins and managers. Written
 * in the caller's transaction; the caller dispatches the mails after commit.
 */
export async function queueEscalationMails(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  e: { conversationId: string; assigneeId: string | null; customer: string; text: string; reasons: string[] },
): Promise<string[]> {
  const members = await listMembers(tx, tenantId);
  const assigned = members.find((m) => m.userId === e.assigneeId);
  const to = assigned ? [assigned] : members.filter((m) => m.role === 'admin' || m.role === 'manager');
  const ids: string[] = [];
  for (const member of to) {
    ids.push(
      await queueMailIn(tx, tenantId, {
        to: member.email,
        subject: `A customer needs a person: ${e.customer}`,
        text: [
          `${e.customer} wrote:`,
          `  "${e.text.length > 300 ? `${e.text.slice(0, 299)}…` : e.text}"`,
          '',
          `The AI handed the conversation over (${e.reasons.join(', ')}) and sent a holding message.`,
          `Take it over: ${deps.config.publicUrl}/inbox?conversation=${e.conversationId}`,
        ].join('\n'),
      }),
    );
  }
  return ids;
}
