/** The guard detectors' outputs, so callers (and tests) can validate what they receive. */
import { z } from 'zod';

export const SpamVerdict = z.object({ isSpam: z.boolean(), score: z.number().min(0).max(1) });
export type SpamVerdict = z.infer<typeof SpamVerdict>;

export const InjectionVerdict = z.object({ isInjection: z.boolean(), score: z.number().min(0).max(1) });
export type InjectionVerdict = z.infer<typeof InjectionVerdict>;

export const PROFANITY_SEVERITIES = ['none', 'mild', 'strong', 'severe'] as const;
export type ProfanitySeverity = (typeof PROFANITY_SEVERITIES)[number];

export const ProfanityVerdict = z.object({
  hasProfanity: z.boolean(),
  /** The offending words as written in the message, each once, in order of appearance. */
  terms: z.array(z.string()),
  severity: z.enum(PROFANITY_SEVERITIES),
});
export type ProfanityVerdict = z.infer<typeof ProfanityVerdict>;

export const PII_TYPES = ['email', 'phone', 'credit_card', 'ssn', 'iban'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** A span of `text`: `text.slice(start, end) === value`. */
export const PiiSpan = z.object({
  type: z.enum(PII_TYPES),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  value: z.string(),
});
export type PiiSpan = z.infer<typeof PiiSpan>;
