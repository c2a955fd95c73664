import { z } from 'zod';

/** The tenant's language model as stored in `tenants.settings.llm` (the key sealed by the vault). */
export const StoredLlm = z.object({
  provider: z.enum(['openai', 'anthropic', 'openai-compatible']),
  /** The reply model (quality matters: customer-facing). */
  model: z.string().min(1).max(200),
  /** A smaller model for understanding (seed 001 §7.2 tiering); the reply model when absent. */
  understandModel: z.string().min(1).max(200).optional(),
  baseUrl: z.url().optional(),
  apiKeySealed: z.string().optional(),
  enabled: z.boolean().default(true),
});
export type StoredLlm = z.infer<typeof StoredLlm>;

/** PUT /settings/ai-provider: the key is write-only; omitted, the stored one is kept. */
export const LlmSettingsBody = z
  .object({
    provider: z.enum(['openai', 'anthropic', 'openai-compatible']),
    model: z.string().trim().min(1).max(200),
    understandModel: z.string().trim().min(1).max(200).optional(),
    baseUrl: z.url().max(500).optional(),
    apiKey: z.string().trim().min(1).max(500).optional(),
    enabled: z.boolean().default(true),
  })
  .refine((b) => b.provider !== 'openai-compatible' || b.baseUrl !== undefined, {
    message: 'An OpenAI-compatible provider needs its base URL',
    path: ['baseUrl'],
  });

/** Seed 001 §7.3 token budgets per plan (the starter plan has the free tier's). */
export const PLAN_TOKEN_BUDGETS: Record<string, { daily: number; monthly: number }> = {
  starter: { daily: 10_000, monthly: 200_000 },
  pro: { daily: 100_000, monthly: 2_000_000 },
  enterprise: { daily: 1_000_000, monthly: 20_000_000 },
};

export function budgetOf(plan: string) {
  return PLAN_TOKEN_BUDGETS[plan] ?? (PLAN_TOKEN_BUDGETS.starter as { daily: number; monthly: number });
}

export function storedLlmOf(settings: Record<string, unknown> | null | undefined): StoredLlm | undefined {
  const parsed = StoredLlm.safeParse(settings?.llm);
  return parsed.success ? parsed.data : undefined;
}

/** UTC day and month bounds as the usage meter keys them. */
export function usageWindow(now: Date) {
  const day = now.toISOString().slice(0, 10);
  return { day, monthStart: `${day.slice(0, 7)}-01` };
}
