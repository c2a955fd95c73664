import { z } from 'zod';

/** Seed 001 Agent 5: the draft reply and how sure we are of it. */
export const ReplyResult = z.object({
  text: z.string().max(2000),
  confidence: z.number().min(0).max(1),
  requires_human: z.boolean(),
  /** Where the words came from: a template, a FAQ answer, a knowledge-base passage, a model. */
  source: z.enum(['greeting', 'faq', 'knowledge', 'template', 'llm', 'cache', 'holding', 'none']),
  language: z.string(),
  suggested_actions: z.array(z.string()).max(5),
  /** Knowledge-base items the reply used. */
  kb_ids: z.array(z.string()),
});
export type ReplyResult = z.infer<typeof ReplyResult>;

/** What a language model is asked to return for a reply. */
export const LlmReply = z.object({
  reply_text: z.string().min(1).max(2000),
  confidence: z.number().min(0).max(1),
  requires_human: z.boolean(),
  suggested_actions: z.array(z.string()).max(5).default([]),
});
