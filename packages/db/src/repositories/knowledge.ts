import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { kbChunks, kbItems } from '../schema/index.ts';

export type KbItemRow = typeof kbItems.$inferSelect;
type NewItem = { kind: 'faq' | 'document'; title: string; question: string | null; body: string };

/** An item and its searchable chunks, written together. */
export async function createKbItem(
  tx: Tx,
  tenantId: string,
  item: NewItem,
  chunks: string[],
): Promise<KbItemRow> {
  const [row] = await tx
    .insert(kbItems)
    .values({ id: crypto.randomUUID(), tenantId, ...item })
    .returning();
  if (!row) throw new Error('knowledge item not written');
  await writeChunks(tx, tenantId, row, chunks);
  return row;
}

/** Replaces an item's text and chunks; undefined when it is not this tenant's. */
export async function updateKbItem(
  tx: Tx,
  tenantId: string,
  id: string,
  item: NewItem,
  chunks: string[],
): Promise<KbItemRow | undefined> {
  const [row] = await tx
    .update(kbItems)
    .set({ ...item, updatedAt: new Date() })
    .where(and(eq(kbItems.tenantId, tenantId), eq(kbItems.id, id)))
    .returning();
  if (!row) return undefined;
  await tx.delete(kbChunks).where(and(eq(kbChunks.tenantId, tenantId), eq(kbChunks.itemId, id)));
  await writeChunks(tx, tenantId, row, chunks);
  return row;
}

async function writeChunks(tx: Tx, tenantId: string, item: KbItemRow, chunks: string[]) {
  if (chunks.length === 0) return;
  await tx.insert(kbChunks).values(
    chunks.map((text, position) => ({
      id: crypto.randomUUID(),
      tenantId,
      itemId: item.id,
      position,
      question: item.question,
      text,
    })),
  );
}

export async function deleteKbItem(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(kbItems)
    .where(and(eq(kbItems.tenantId, tenantId), eq(kbItems.id, id)))
    .returning({ id: kbItems.id });
  return rows.length > 0;
}

export async function getKbItem(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(kbItems)
    .where(and(eq(kbItems.tenantId, tenantId), eq(kbItems.id, id)));
  return row;
}

export async function listKbItems(tx: Tx, tenantId: string, kind?: 'faq' | 'document') {
  return tx
    .select()
    .from(kbItems)
    .where(and(eq(kbItems.tenantId, tenantId), kind ? eq(kbItems.kind, kind) : undefined))
    .orderBy(desc(kbItems.updatedAt), asc(kbItems.id))
    .limit(1000);
}

export const KB_DOCUMENT = sql`to_tsvector('simple', coalesce(${kbChunks.question}, '') || ' ' || ${kbChunks.text})`;

/**
 * Full-text search over the tenant's chunks (PostgreSQL and PGlite alike): `tsQuery` is a
 * `to_tsquery('simple', …)` expression built by the AI package from the customer's words.
 */
export async function searchKbChunks(tx: Tx, tenantId: string, tsQuery: string, limit: number) {
  if (!tsQuery) return [];
  const query = sql`to_tsquery('simple', ${tsQuery})`;
  return tx
    .select({
      id: kbChunks.id,
      itemId: kbChunks.itemId,
      kind: kbItems.kind,
      question: kbChunks.question,
      text: kbChunks.text,
      rank: sql<number>`ts_rank_cd(${KB_DOCUMENT}, ${query})`,
    })
    .from(kbChunks)
    .innerJoin(kbItems, eq(kbItems.id, kbChunks.itemId))
    .where(and(eq(kbChunks.tenantId, tenantId), sql`${KB_DOCUMENT} @@ ${query}`))
    .orderBy(sql`ts_rank_cd(${KB_DOCUMENT}, ${query}) desc`, asc(kbChunks.id))
    .limit(limit)
    .prepare('rf_search_kb_chunks')
    .execute();
}
