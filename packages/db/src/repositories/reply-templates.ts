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

type UsageTotal = { calls: number; tokens: number; costMicros: number };

/** The tenant's model use on `day` and from `monthStart` to `day`, in one statement (YYYY-MM-DD). */
export async function aiUsageTotals(
  tx: Tx,
  tenantId: string,
  day: string,
  monthStart: string,
): Promise<{ today: UsageTotal; month: UsageTotal }> {
  const tokens = sql`${aiUsage.inputTokens} + ${aiUsage.outputTokens}`;
  const onDay = sql`${aiUsage.day} = ${day}`;
  const [row] = await tx
    .select({
      dayCalls: sql<string>`coalesce(sum(${aiUsage.calls}) filter (where ${onDay}), 0)`,
      dayTokens: sql<string>`coalesce(sum(${tokens}) filter (where ${onDay}), 0)`,
      dayCost: sql<string>`coalesce(sum(${aiUsage.costMicros}) filter (where ${onDay}), 0)`,
      calls: sql<string>`coalesce(sum(${aiUsage.calls}), 0)`,
      tokens: sql<string>`coalesce(sum(${tokens}), 0)`,
      cost: sql<string>`coalesce(sum(${aiUsage.costMicros}), 0)`,
    })
    .from(aiUsage)
    .where(and(eq(aiUsage.tenantId, tenantId), sql`${aiUsage.day} between ${monthStart} and ${day}`));
  return {
    today: {
      calls: Number(row?.dayCalls ?? 0),
      tokens: Number(row?.dayTokens ?? 0),
      costMicros: Number(row?.dayCost ?? 0),
    },
    month: {
      calls: Number(row?.calls ?? 0),
      tokens: Number(row?.tokens ?? 0),
      costMicros: Number(row?.cost ?? 0),
    },
  };
}
