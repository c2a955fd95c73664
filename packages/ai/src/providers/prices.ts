/** USD per million tokens, from the providers' published price lists (standard tier, no caching). */
export type ModelPrice = { inputPerMillion: number; outputPerMillion: number };

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'o3-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'gpt-5': { inputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-5-mini': { inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5-nano': { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'claude-3-haiku': { inputPerMillion: 0.25, outputPerMillion: 1.25 },
  'claude-3-5-haiku': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'claude-haiku-4-5': { inputPerMillion: 1, outputPerMillion: 5 },
  'claude-3-5-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4-5': { inputPerMillion: 3, outputPerMillion: 15 },
  'claude-opus-4': { inputPerMillion: 15, outputPerMillion: 75 },
  'claude-opus-4-1': { inputPerMillion: 15, outputPerMillion: 75 },
};

/**
 * The price of a model id, accepting the dated snapshots and aliases providers publish
 * (`gpt-4o-mini-2024-07-18`, `claude-3-5-haiku-20241022`, `claude-sonnet-4-0`, `…-latest`) and a
 * `provider/` prefix. Anything else, local models included, has no price.
 */
export function priceOf(model: string): ModelPrice | undefined {
  const id = model
    .trim()
    .toLowerCase()
    .replace(/^(openai|anthropic)\//, '');
  const exact = MODEL_PRICES[id];
  if (exact) return exact;
  const base = id.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|latest|0)$/, '');
  return base !== id ? MODEL_PRICES[base] : undefined;
}

/** Cost in USD of one call; 0 for unpriced (local or unknown) models. */
export function costUsd(model: string, usage: { inputTokens: number; outputTokens: number }): number {
  const price = priceOf(model);
  if (!price) return 0;
  const cost =
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6;
  return Math.round(cost * 1e9) / 1e9; // nano-dollars: enough precision, no float noise in reports
}
