import { z } from 'zod';

/** Seed 001 Agent 3 (mixed is left to a language model; the local model says one of three). */
export const SentimentResult = z.object({
  sentiment: z.enum(['positive', 'neutral', 'negative', 'mixed']),
  score: z.number().min(-1).max(1),
  urgency: z.enum(['low', 'medium', 'high', 'critical']),
  emotions: z.array(z.string()).max(8),
});
export type SentimentResult = z.infer<typeof SentimentResult>;
