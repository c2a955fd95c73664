import { z } from 'zod';

export const GuardrailFlag = z.enum([
  'spam',
  'prompt_injection',
  'profanity',
  'repeated_message',
  'empty',
  'too_long',
  'moderation_skipped',
]);

/** Seed 001 Agent 1: `{passed, flags, risk_score}`. */
export const GuardrailInResult = z.object({
  passed: z.boolean(),
  flags: z.array(GuardrailFlag),
  risk_score: z.number().min(0).max(1),
  profanity_terms: z.array(z.string()),
});
export type GuardrailInResult = z.infer<typeof GuardrailInResult>;
