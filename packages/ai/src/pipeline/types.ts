import type { z } from 'zod';
import type { LeadHistory } from '../lead-score/score-lead.ts';
import type { KnowledgeHit, ReplyTemplate } from '../reply/local-reply.ts';
import type { LlmReply } from '../reply/schema.ts';
import type { AutoReplyRules, BrandVoice } from '../settings/schema.ts';
import type { Understanding } from '../understand/schema.ts';

/** What one language-model call cost. */
export type LlmUsage = { inputTokens: number; outputTokens: number; costUsd: number; model: string };

/**
 * The tenant's language model, when it has one and its budget and circuit breaker allow a call.
 * Built by the caller (core) from the tenant's provider settings; the pipeline only calls it.
 */
export type LlmStages = {
  understand?: (input: { text: string; platform: string; thread: ThreadLine[] }) => Promise<{
    value: Understanding;
    usage: LlmUsage;
  }>;
  reply?: (input: LlmReplyInput) => Promise<{ value: z.infer<typeof LlmReply>; usage: LlmUsage }>;
};

export type ThreadLine = { role: 'customer' | 'business'; text: string };

export type LlmReplyInput = {
  text: string;
  businessName: string;
  customerName: string | undefined;
  language: string;
  voice: BrandVoice;
  thread: ThreadLine[];
  knowledge: KnowledgeHit[];
  analysis: { topic: string; sentiment: string; intent: string; leadTag: string };
};

export type PipelineInput = {
  businessName: string;
  platform: string;
  kind: 'dm' | 'comment';
  text: string;
  customerName: string | undefined;
  /** Earlier messages of the thread, oldest first (the last few). */
  thread: ThreadLine[];
  /** Customer messages in a row since the business last resolved anything (this one excluded). */
  unresolvedStreak: number;
  lead: LeadHistory;
  voice: BrandVoice;
  rules: AutoReplyRules;
  templates: ReplyTemplate[];
  searchKnowledge: (query: string) => Promise<KnowledgeHit[]>;
  llm?: LlmStages;
  /** The tenant has a model configured, but it may not be called now (breaker open, budget spent). */
  llmBlocked?: 'breaker_open' | 'budget_exhausted';
  /** Replies already written for the same question (the tenant's response cache). */
  cache?: { get(key: string): StoredReply | undefined; set(key: string, value: StoredReply): void };
  now: Date;
};

export type StoredReply = { text: string; confidence: number; source: string; kb_ids: string[] };
