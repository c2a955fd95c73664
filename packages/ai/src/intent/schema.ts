import { z } from 'zod';

export const INTENTS = [
  'question',
  'complaint',
  'compliment',
  'request',
  'feedback',
  'purchase_intent',
  'human_request',
  'greeting',
  'spam',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const LEAD_TAGS = ['HOT', 'WARM', 'COLD'] as const;
export type LeadTag = (typeof LEAD_TAGS)[number];

/** Seed 001 Agent 4: intent, confidence, lead score and tag, signals, recommended action. */
export const IntentResult = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  score: z.number().int().min(0).max(100),
  tag: z.enum(LEAD_TAGS),
  signals: z.array(z.string()),
  recommended_action: z.string(),
  /** The tag a person set by hand, which scoring keeps. */
  manual_tag: z.enum(LEAD_TAGS).nullable(),
});
export type IntentResult = z.infer<typeof IntentResult>;
