import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { mailOutbox } from '../schema/index.ts';
import { type Keyset, olderThan } from './keyset.ts';

export type MailRow = typeof mailOutbox.$inferSelect;

export async function insertMail(
  tx: Tx,
  row: { id: string; tenantId: string; toAddress: string; subject: string; textBody: string },
): Promise<void> {
  await tx.insert(mailOutbox).values(row);
}

export async function findMailForUpdate(tx: Tx, tenantId: string, id: string): Promise<MailRow | undefined> {
  const [row] = await tx
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.id, id)))
    .for('update');
  return row;
}

export async function markMailDelivered(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .update(mailOutbox)
    .set({ status: 'delivered', deliveredAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.id, id)));
}

export async function recordMailFailure(
  tx: Tx,
  tenantId: string,
  id: string,
  error: string,
  final: boolean,
): Promise<void> {
  await tx
    .update(mailOutbox)
    .set({
      lastError: error.slice(0, 1000),
      attempts: sql`${mailOutbox.attempts} + 1`,
      ...(final ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.id, id)));
}

export async function listMails(
  tx: Tx,
  tenantId: string,
  page: { limit: number; after?: Keyset },
): Promise<MailRow[]> {
  return tx
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.tenantId, tenantId), olderThan(mailOutbox.createdAt, mailOutbox.id, page.after)))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(page.limit);
}

/** Mails still queued after `olderThan` in every tenant: the sweeper re-dispatches them (system context). */
export async function listStaleQueuedMails(
  tx: Tx,
  olderThan: Date,
  limit: number,
): Promise<{ id: string; tenantId: string }[]> {
  return tx
    .select({ id: mailOutbox.id, tenantId: mailOutbox.tenantId })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.createdAt, olderThan)))
    .orderBy(mailOutbox.createdAt)
    .limit(limit);
}
