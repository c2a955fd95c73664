import { aiUsageTotals, type Tx } from '@replyforce/db';
import { budgetOf, usageWindow } from '../ai-settings/llm-settings.ts';
import { recordAudit } from '../audit/record-audit.ts';

const ALERT_SHARE = 0.8;

/**
 * Seed 001 §7.3: when this message's tokens take the tenant past 80 % of its daily or monthly
 * budget, say so once (the crossing message records it in the audit log; the caller publishes it).
 * Returns the budgets crossed.
 */
export async function crossedBudgets(tx: Tx, tenantId: string, plan: string, tokensNow: number) {
  const budget = budgetOf(plan);
  const { day, monthStart } = usageWindow(new Date());
  const totals = await aiUsageTotals(tx, tenantId, day, monthStart);
  const today = totals.today.tokens;
  const month = totals.month.tokens;
  const crossed: { period: 'day' | 'month'; used: number; limit: number }[] = [];
  for (const [period, used, limit] of [
    ['day', today, budget.daily],
    ['month', month, budget.monthly],
  ] as const) {
    if (used - tokensNow < ALERT_SHARE * limit && used >= ALERT_SHARE * limit)
      crossed.push({ period, used, limit });
  }
  for (const c of crossed) {
    await recordAudit(
      tx,
      { tenantId, ip: undefined },
      {
        action: 'ai.budget_alert',
        resourceType: 'tenant',
        resourceId: tenantId,
        result: 'success',
        metadata: { period: c.period, used: c.used, limit: c.limit, plan },
      },
    );
  }
  return crossed;
}
