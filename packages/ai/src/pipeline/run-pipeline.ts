import { type Decision, decide } from '../decision/decide.ts';
import { guardInput } from '../guardrail-in/index.ts';
import type { GuardrailInResult } from '../guardrail-in/schema.ts';
import { guardOutput } from '../guardrail-out/index.ts';
import type { GuardrailOutResult } from '../guardrail-out/schema.ts';
import { scoreIntent } from '../intent/index.ts';
import { classifyIntent } from '../intent/local-model.ts';
import type { IntentResult } from '../intent/schema.ts';
import { applyBrandVoice } from '../reply/brand-voice.ts';
import { firstName } from '../reply/local-reply.ts';
import { phrase } from '../reply/phrases.ts';
import type { ReplyResult } from '../reply/schema.ts';
import { NEUTRAL_SENTIMENT, sentimentLocally } from '../sentiment/index.ts';
import type { SentimentResult } from '../sentiment/schema.ts';
import { understandLocally } from '../understand/index.ts';
import type { Understanding } from '../understand/schema.ts';
import { replyStage } from './reply-stage.ts';
import { runStage, type StageRecord } from './run-stage.ts';
import type { PipelineInput } from './types.ts';

const PIPELINE_VERSION = 1;

/** Per-stage deadlines: local stages answer in well under a millisecond, models get seconds. */
export const STAGE_TIMEOUT_MS = { local: 1_000, understand: 8_000, reply: 20_000 } as const;

/** The stored analysis (`messages.ai_analysis`), shaped like seed 001 §11.2 `message.processed`. */
export type AiAnalysis = {
  version: number;
  guardrail_in: GuardrailInResult;
  understanding: Understanding;
  sentiment: SentimentResult;
  lead_score: IntentResult;
  reply: ReplyResult;
  guardrail_out: GuardrailOutResult;
  decision: Decision;
  stages: StageRecord[];
  total_ms: number;
  tokens: number;
  cost_usd: number;
};

/**
 * guardrail-in → understand → sentiment → intent & lead score → reply → guardrail-out → decision.
 * Every stage has a deadline and a local fallback, so this always ends in a decision.
 */
export async function runPipeline(input: PipelineInput): Promise<AiAnalysis> {
  const started = performance.now();
  const stages: StageRecord[] = [];
  const text = input.text;
  const earlier = input.thread.filter((l) => l.role === 'customer').map((l) => l.text);

  const guardIn = await runStage<GuardrailInResult>(
    stages,
    'guardrail_in',
    STAGE_TIMEOUT_MS.local,
    local(() => guardInput(text, earlier)),
    () => ({
      value: { passed: true, flags: ['moderation_skipped'], risk_score: 0, profanity_terms: [] },
      engine: 'default',
    }),
  );
  const guessed = safe(() => classifyIntent(text), {
    label: 'other' as const,
    confidence: 0,
    isQuestion: text.includes('?'),
    topic: 'other' as const,
  });
  // The spam detector, not the intent model, says what is spam: a "spam" intent it does not
  // confirm is read as an ordinary message.
  const guess =
    guessed.label === 'spam' && !guardIn.flags.includes('spam')
      ? { ...guessed, label: guessed.isQuestion ? ('question' as const) : ('other' as const) }
      : guessed;
  const localUnderstanding = () => understandLocally(text, guess, input.voice.products);
  // Spam and injections never reach a model.
  const mayUseModel = guardIn.passed && input.llm !== undefined;
  const understanding = await runStage(
    stages,
    'understand',
    STAGE_TIMEOUT_MS.understand,
    mayUseModel && input.llm?.understand
      ? async () => {
          const r = await input.llm?.understand?.({ text, platform: input.platform, thread: input.thread });
          if (!r) throw new Error('no model');
          return {
            value: r.value,
            engine: `llm:${r.usage.model}`,
            usage: r.usage,
            costUsd: r.usage.costUsd,
          };
        }
      : local(localUnderstanding),
    () => ({ value: safe(localUnderstanding, fallbackUnderstanding(text)), engine: 'local' }),
  );
  const sentiment = await runStage(
    stages,
    'sentiment',
    STAGE_TIMEOUT_MS.local,
    local(() => sentimentLocally(text, understanding.language)),
    () => ({ value: NEUTRAL_SENTIMENT, engine: 'default' }),
  );
  const intent = await runStage<IntentResult>(
    stages,
    'intent',
    STAGE_TIMEOUT_MS.local,
    local(() =>
      scoreIntent({
        text,
        guess: guardIn.flags.includes('spam') ? { ...guess, label: 'spam' } : guess,
        understanding,
        sentiment,
        history: input.lead,
        thresholds: { hot: input.rules.hotThreshold, warm: input.rules.warmThreshold },
        now: input.now,
      }),
    ),
    () => ({
      value: {
        intent: 'other',
        confidence: 0,
        score: input.lead.previousScore ?? 0,
        tag: input.lead.manualTag ?? input.lead.previousTag ?? 'COLD',
        signals: ['scoring_failed'],
        recommended_action: 'Review by hand',
        manual_tag: input.lead.manualTag,
      },
      engine: 'default',
    }),
  );
  const { reply, knowledgeText } = await replyStage(input, stages, {
    guardIn,
    understanding,
    sentiment,
    intent,
    mayUseModel,
  });
  let finalReply = reply;
  const guardOut = await runStage<GuardrailOutResult>(
    stages,
    'guardrail_out',
    STAGE_TIMEOUT_MS.local,
    local(() =>
      reply.text
        ? guardOutput(reply.text, {
            knowledge: knowledgeText,
            customerText: text,
            customerInjection: guardIn.flags.includes('prompt_injection'),
            maxLength: input.voice.maxLength,
            bannedPhrases: input.voice.bannedPhrases,
          })
        : { passed: true, flags: [], details: [] },
    ),
    () => ({ value: { passed: false, flags: [], details: ['output check failed'] }, engine: 'default' }),
  );
  // A blocked reply never goes out: a safe holding message does, and a person reviews it.
  if (!guardOut.passed) finalReply = holding(input, reply.language, reply.confidence);
  const decision = decide({
    text,
    isComment: input.kind === 'comment',
    guardIn,
    sentiment,
    intent,
    reply: finalReply,
    guardOut,
    rules: input.rules,
    unresolvedStreak: input.unresolvedStreak,
    // The model's circuit is open, or the model failed this very reply and the local engine stood in.
    llmUnavailable:
      input.llmBlocked === 'breaker_open' ||
      (input.llm !== undefined && stages.some((st) => st.stage === 'reply' && st.fallback)),
  });
  if (decision.action === 'handoff' && !finalReply.requires_human)
    finalReply = holding(input, reply.language, finalReply.confidence);
  return {
    version: PIPELINE_VERSION,
    guardrail_in: guardIn,
    understanding,
    sentiment,
    lead_score: intent,
    reply: finalReply,
    guardrail_out: guardOut,
    decision,
    stages,
    total_ms: Math.round((performance.now() - started) * 1000) / 1000,
    tokens: stages.reduce((a, s) => a + s.tokens, 0),
    cost_usd: stages.reduce((a, s) => a + s.cost_usd, 0),
  };
}

/** The hand-off message: the tenant's own holding message, or the standard one in the customer's language. */
function holding(input: PipelineInput, language: string, confidence: number): ReplyResult {
  const text = input.rules.holdingMessage.trim()
    ? input.rules.holdingMessage
    : phrase('handoff', language, { name: firstName(input.customerName), business: input.businessName });
  return {
    text: applyBrandVoice(text, input.voice),
    confidence,
    requires_human: true,
    source: 'holding',
    language,
    suggested_actions: [],
    kb_ids: [],
  };
}

function local<T>(fn: () => T) {
  return async () => ({ value: fn(), engine: 'local' });
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function fallbackUnderstanding(text: string): Understanding {
  return {
    language: 'en',
    entities: [],
    topic: 'other',
    is_question: text.includes('?'),
    summary: text.slice(0, 200),
    key_phrases: [],
  };
}
