import type { CircuitBreaker } from '../providers/circuit-breaker.ts';
import type { ProviderConfig } from '../providers/config.ts';
import { generateStructured } from '../providers/generate.ts';
import { buildReplyPrompt } from '../reply/prompt.ts';
import { LlmReply } from '../reply/schema.ts';
import { buildUnderstandPrompt } from '../understand/prompt.ts';
import { Understanding } from '../understand/schema.ts';
import type { LlmStages, ThreadLine } from './types.ts';

/** Seconds the model may take per stage (the pipeline's own deadlines are a little longer). */
const UNDERSTAND_TIMEOUT_MS = 7_000;
const REPLY_TIMEOUT_MS = 18_000;

/**
 * The tenant's model behind the pipeline's two model stages (seed 001 §7.2 model tiering): a small
 * model understands, a larger one writes the reply. Both go through the tenant's circuit breaker.
 */
export function createLlmStages(o: {
  tenantId: string;
  reply: ProviderConfig;
  understand?: ProviderConfig | undefined;
  breaker: CircuitBreaker;
}): LlmStages {
  const breaker = { breaker: o.breaker, tenantId: o.tenantId };
  const history = (thread: ThreadLine[]) => thread.map((l) => ({ from: l.role, text: l.text }));
  return {
    understand: async (input) => {
      const p = buildUnderstandPrompt({
        text: input.text,
        channel: input.platform,
        history: history(input.thread),
      });
      const r = await generateStructured({
        model: o.understand ?? o.reply,
        schema: Understanding,
        schemaName: 'message_understanding',
        system: p.system,
        prompt: p.prompt,
        timeoutMs: UNDERSTAND_TIMEOUT_MS,
        maxOutputTokens: 400,
        breaker,
      });
      return { value: r.object, usage: { ...r.usage, costUsd: r.costUsd, model: r.model } };
    },
    reply: async (input) => {
      const p = buildReplyPrompt({
        businessName: input.businessName,
        voice: {
          tone: input.voice.tone,
          emoji: input.voice.emoji,
          maxLength: input.voice.maxLength,
          ...(input.voice.signature ? { signature: input.voice.signature } : {}),
          ...(input.voice.guidelines ? { description: input.voice.guidelines } : {}),
        },
        ...(input.voice.matchCustomerLanguage ? { language: input.language } : {}),
        message: input.text,
        history: history(input.thread),
        knowledge: input.knowledge.map((k) => ({
          ...(k.question ? { title: k.question } : {}),
          text: k.text,
        })),
        analysis: input.analysis,
        output: 'json',
      });
      const r = await generateStructured({
        model: o.reply,
        schema: LlmReply,
        schemaName: 'reply',
        system: p.system,
        prompt: p.prompt,
        timeoutMs: REPLY_TIMEOUT_MS,
        maxOutputTokens: 600,
        breaker,
      });
      return { value: r.object, usage: { ...r.usage, costUsd: r.costUsd, model: r.model } };
    },
  };
}
