import { z } from 'zod';

/** How the business sounds (seed 001 Agent 5): tone, emoji policy, length, signature. */
export const BrandVoice = z.object({
  tone: z.enum(['professional', 'friendly', 'casual']).default('friendly'),
  emoji: z.enum(['none', 'sparing', 'allowed']).default('sparing'),
  maxLength: z.number().int().min(80).max(2000).default(480),
  /** Answer in the customer's language when a template or the model can. */
  matchCustomerLanguage: z.boolean().default(true),
  signature: z.string().max(120).default(''),
  /** Free-text guidance for a language model (what the business does, words to prefer). */
  guidelines: z.string().max(2000).default(''),
  /** Phrases a reply must never contain (checked by the output guardrail). */
  bannedPhrases: z.array(z.string().min(2).max(120)).max(100).default([]),
  /** Product and service names, recognised as entities and as buying signals. */
  products: z.array(z.string().min(2).max(80)).max(500).default([]),
});
export type BrandVoice = z.infer<typeof BrandVoice>;

/** When the AI may answer by itself (seed 003: automatic for positive/neutral, manual otherwise). */
export const AutoReplyRules = z.object({
  enabled: z.boolean().default(true),
  /** A reply below this confidence waits for approval. */
  minConfidence: z.number().min(0).max(1).default(0.6),
  /** Negative messages: draft for approval, or hand to a person. */
  negative: z.enum(['approve', 'handoff', 'auto']).default('approve'),
  /** Comments are public: they may need a stricter rule. */
  comments: z.enum(['auto', 'approve', 'off']).default('auto'),
  /** Lead tag thresholds (HOT ≥ hot, WARM ≥ warm, otherwise COLD). */
  hotThreshold: z.number().int().min(1).max(100).default(70),
  warmThreshold: z.number().int().min(0).max(99).default(40),
  /** Customer messages in a row without an answer that resolved anything before a person steps in. */
  unresolvedLimit: z.number().int().min(2).max(20).default(3),
  /** The reply sent when a person takes over. */
  holdingMessage: z.string().max(500).default(''),
});
export type AutoReplyRules = z.infer<typeof AutoReplyRules>;

export const defaultBrandVoice = (): BrandVoice => BrandVoice.parse({});
export const defaultAutoReplyRules = (): AutoReplyRules => AutoReplyRules.parse({});
