import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { aiUsage, replyTemplates } from '../schema/index.ts';

export type ReplyTemplateRow = typeof replyTemplates.$inferSelect;
type TemplateInput = { name: string; intent: string; language: string | null; body: string };

export async function listReplyTemplates(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(replyTemplates)
    .where(eq(replyTemplates.tenantId, tenantId))
    .orderBy(asc(replyTemplates.intent), asc(replyTemplates.name))
    .limit(500);
}

export async function createReplyTemplate(tx: Tx, tenantId: string, t: TemplateInput) {
  const [row] = await tx
    .insert(replyTemplates)
    .values({ id: crypto.randomUUID(), tenantId, ...t })
    .returning();
  return row as ReplyTemplateRow;
}

export async function updateReplyTemplate(tx: Tx, tenantId: string, id: string, t: TemplateInput) {
  const [row] = await tx
    .update(replyTemplates)
    .set({ ...t, updatedAt: new Date() })
    .where(and(eq(replyTemplates.tenantId, tenantId), eq(replyTemplates.id, id)))
    .returning();
  return row;
}

export async function deleteReplyTemplate(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(replyTemplates)
    .where(and(eq(replyTemplates.tenantId, tenantId), eq(replyTemplates.id, id)))
    .returning({ id: replyTemplates.id });
  return rows.length > 0;
}

/** Adds one language-model call to the tenant's meter for `day` (YYYY-MM-DD, UTC). */
export async function addAiUsage(
  tx: Tx,
  tenantId: string,
  day: string,
  u: { inputTokens: number; outputTokens: number; costMicros: number },
) {
  await tx
    .insert(aiUsage)
    .values({ tenantId, day, calls: 1, ...u })
    .onConflictDoUpdate({
      target: [aiUsage.tenantId, aiUsage.day],
      set: {
        calls: sql`${aiUsage.calls} + 1`,
        inputTokens: sql`${aiUsage.inputTokens} + ${u.inputTokens}`,
        outputTokens: sql`${aiUsage.outputTokens} + ${u.outputTokens}`,
        costMicros: sql`${aiUsage.costMicros} + ${u.costMicros}`,
      },
    });
}

/** Tokens used from `fromDay` to `toDay` inclusive. */
export async function sumAiUsage(tx: Tx, tenantId: string, fromDay: string, toDay: string) {
  const [row] = await tx
    .select({
      calls: sql<string>`coalesce(sum(${aiUsage.calls}), 0)`,
      tokens: sql<string>`coalesce(sum(${aiUsage.inputTokens} + ${aiUsage.outputTokens}), 0)`,
      costMicros: sql<string>`coalesce(sum(${aiUsage.costMicros}), 0)`,
    })
    .from(aiUsage)
    .where(and(eq(aiUsage.tenantId, tenantId), sql`${aiUsage.day} between ${fromDay} and ${toDay}`));
  return {
    calls: Number(row?.calls ?? 0),
    tokens: Number(row?.tokens ?? 0),
    costMicros: Number(row?.costMicros ?? 0),
  };
}
