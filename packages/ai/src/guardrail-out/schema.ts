import { z } from 'zod';

export const OutputFlag = z.enum([
  'pii',
  'unknown_price',
  'promise',
  'echoed_injection',
  'too_long',
  'banned_phrase',
  'empty',
]);

export const GuardrailOutResult = z.object({
  passed: z.boolean(),
  flags: z.array(OutputFlag),
  /** What the check found, for the reviewer (PII is named by type, never echoed). */
  details: z.array(z.string()),
});
export type GuardrailOutResult = z.infer<typeof GuardrailOutResult>;
