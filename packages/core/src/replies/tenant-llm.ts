import { createCircuitBreaker, createLlmStages, type LlmStages } from '@replyforce/ai';
import { aiUsageTotals, type Tx } from '@replyforce/db';
import { budgetOf, storedLlmOf, usageWindow } from '../ai-settings/llm-settings.ts';
import type { CoreDeps } from '../deps.ts';

/** Seed 001 §8.2: open after 5 failures in a row, try again after 30 s. One per process. */
const breaker = createCircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 });

export type TenantLlm = {
  llm?: LlmStages;
  blocked?: 'breaker_open' | 'budget_exhausted';
  /** Whether the tenant has a model configured at all (even if blocked now). */
  configured: boolean;
};

/**
 * The tenant's model for this message, if it has one and may call it now: within its plan's daily
 * and monthly token budgets (hard cap → local fallback) and with its circuit breaker closed.
 */
export async function tenantLlm(
  deps: CoreDeps,
  tx: Tx,
  tenant: { id: string; plan: string; settings: Record<string, unknown> },
): Promise<TenantLlm> {
  const stored = storedLlmOf(tenant.settings);
  if (!stored?.enabled) return { configured: false };
  const key = `${tenant.id}:${stored.provider}`;
  if (breaker.state(key) === 'open') return { configured: true, blocked: 'breaker_open' };
  const budget = budgetOf(tenant.plan);
  const { day, monthStart } = usageWindow(new Date());
  const { today, month } = await aiUsageTotals(tx, tenant.id, day, monthStart);
  if (today.tokens >= budget.daily || month.tokens >= budget.monthly)
    return { configured: true, blocked: 'budget_exhausted' };
  const apiKey = stored.apiKeySealed ? await deps.vault.open(tx, tenant.id, stored.apiKeySealed) : undefined;
  const base = {
    provider: stored.provider,
    ...(apiKey ? { apiKey } : {}),
    ...(stored.baseUrl ? { baseUrl: stored.baseUrl } : {}),
  };
  return {
    configured: true,
    llm: createLlmStages({
      tenantId: tenant.id,
      reply: { ...base, model: stored.model },
      understand: stored.understandModel ? { ...base, model: stored.understandModel } : undefined,
      breaker,
    }),
  };
}
