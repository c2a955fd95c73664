import { z } from 'zod';

export const ENTITY_TYPES = [
  'product',
  'person',
  'company',
  'location',
  'email',
  'phone',
  'money',
  'date',
] as const;
export const TOPICS = ['pricing', 'support', 'complaint', 'inquiry', 'feedback', 'other'] as const;

/** Seed 001 Agent 2: language, entities, topic, is_question, summary, key phrases. */
export const Understanding = z.object({
  language: z.string().min(2).max(3),
  entities: z.array(z.object({ type: z.enum(ENTITY_TYPES), value: z.string() })).max(20),
  topic: z.enum(TOPICS),
  is_question: z.boolean(),
  summary: z.string().max(400),
  key_phrases: z.array(z.string()).max(5),
});
export type Understanding = z.infer<typeof Understanding>;
