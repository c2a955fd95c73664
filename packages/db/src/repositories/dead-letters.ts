import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { deadLetters } from '../schema/index.ts';
import { type Keyset, olderThan } from './keyset.ts';

export type DeadLetterRow = typeof deadLetters.$inferSelect;

export async function insertDeadLetter(tx: Tx, row: typeof deadLetters.$inferInsert): Promise<void> {
  await tx.insert(deadLetters).values(row);
}

export async function listDeadLetters(
  tx: Tx,
  tenantId: string,
  filter: { queue?: string },
  page: { limit: number; after?: Keyset },
): Promise<DeadLetterRow[]> {
  return tx
    .select()
    .from(deadLetters)
    .where(
      and(
        eq(deadLetters.tenantId, tenantId),
        filter.queue ? eq(deadLetters.queue, filter.queue) : undefined,
        olderThan(deadLetters.failedAt, deadLetters.id, page.after),
      ),
    )
    .orderBy(desc(deadLetters.failedAt), desc(deadLetters.id))
    .limit(page.limit);
}

export async function findDeadLetter(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(deadLetters)
    .where(and(eq(deadLetters.tenantId, tenantId), eq(deadLetters.id, id)));
  return row;
}

export async function deleteDeadLetters(
  tx: Tx,
  tenantId: string,
  filter: { id?: string; queue?: string },
): Promise<number> {
  const rows = await tx
    .delete(deadLetters)
    .where(
      and(
        eq(deadLetters.tenantId, tenantId),
        filter.id ? eq(deadLetters.id, filter.id) : undefined,
        filter.queue ? eq(deadLetters.queue, filter.queue) : undefined,
      ),
    )
    .returning({ id: deadLetters.id });
  return rows.length;
}
