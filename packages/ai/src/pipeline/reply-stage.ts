import type { GuardrailInResult } from '../guardrail-in/schema.ts';
import type { IntentResult } from '../intent/schema.ts';
import { applyBrandVoice } from '../reply/brand-voice.ts';
import { type KnowledgeHit, localReply } from '../reply/local-reply.ts';
import type { ReplyResult } from '../reply/schema.ts';
import type { SentimentResult } from '../sentiment/schema.ts';
import { normalizeText } from '../text/normalize.ts';
import type { Understanding } from '../understand/schema.ts';
import { runStage, type StageRecord } from './run-stage.ts';
import type { PipelineInput } from './types.ts';

const KNOWLEDGE_TIMEOUT_MS = 2_000;
const REPLY_TIMEOUT_MS = 20_000;
/** Local answers that need no model: the tenant's words, or a greeting. */
const SHORT_CIRCUIT = new Set<ReplyResult['source']>(['greeting', 'faq', 'template']);

/**
 * The reply (seed 001 Agent 5): knowledge-base passages, then the cheapest answer that is good
 * enough — a greeting or FAQ hit without a model call, a cached answer, the tenant's model, or the
 * local reply when there is no model or it fails.
 */
export async function replyStage(
  input: PipelineInput,
  stages: StageRecord[],
  a: {
    guardIn: GuardrailInResult;
    understanding: Understanding;
    sentiment: SentimentResult;
    intent: IntentResult;
    mayUseModel: boolean;
  },
): Promise<{ reply: ReplyResult; knowledgeText: string }> {
  const wanted = a.guardIn.passed && a.intent.intent !== 'spam' && input.text.trim() !== '';
  const knowledge = wanted
    ? await runStage<KnowledgeHit[]>(
        stages,
        'knowledge',
        KNOWLEDGE_TIMEOUT_MS,
        async () => ({ value: await input.searchKnowledge(input.text), engine: 'full-text' }),
        () => ({ value: [], engine: 'none' }),
      )
    : [];
  const knowledgeText = knowledge.map((k) => `${k.question ?? ''}\n${k.text}`).join('\n');
  const local = () =>
    localReply({
      text: input.text,
      language: a.understanding.language,
      intent: a.intent.intent,
      sentiment: a.sentiment.sentiment,
      urgency: a.sentiment.urgency,
      isQuestion: a.understanding.is_question,
      isComment: input.kind === 'comment',
      customerName: input.customerName,
      businessName: input.businessName,
      voice: input.voice,
      knowledge,
      templates: input.templates,
    });
  const draft = local();
  const cacheKey = `${a.understanding.language}|${normalizeText(input.text).trim()}`;
  const cached = a.mayUseModel ? input.cache?.get(cacheKey) : undefined;
  const shortCircuit = SHORT_CIRCUIT.has(draft.source) && draft.confidence >= input.rules.minConfidence;
  const llmReply = input.llm?.reply;
  const attempt =
    // A request for a person gets the standard hand-off, not a model's words.
    !wanted || shortCircuit || !a.mayUseModel || !llmReply || a.intent.intent === 'human_request'
      ? async () => ({ value: draft, engine: shortCircuit ? `local:${draft.source}` : 'local' })
      : cached
        ? async () => ({
            value: { ...draft, ...cached, source: 'cache' as const, requires_human: false },
            engine: 'cache',
          })
        : async () => {
            const r = await llmReply({
              text: input.text,
              businessName: input.businessName,
              customerName: input.customerName,
              language: a.understanding.language,
              voice: input.voice,
              thread: input.thread,
              knowledge,
              analysis: {
                topic: a.understanding.topic,
                sentiment: a.sentiment.sentiment,
                intent: a.intent.intent,
                leadTag: a.intent.tag,
              },
            });
            const value: ReplyResult = {
              // The model was asked to sign; the voice adds the signature itself, within the length.
              text: applyBrandVoice(withoutSignature(r.value.reply_text, input.voice.signature), {
                ...input.voice,
                emoji: input.voice.emoji === 'none' ? 'none' : 'sparing',
              }),
              confidence: r.value.confidence,
              requires_human: r.value.requires_human,
              source: 'llm',
              language: a.understanding.language,
              suggested_actions: r.value.suggested_actions,
              kb_ids: knowledge.map((k) => k.id),
            };
            if (!value.requires_human && value.text)
              input.cache?.set(cacheKey, {
                text: value.text,
                confidence: value.confidence,
                source: 'llm',
                kb_ids: value.kb_ids,
              });
            return {
              value,
              engine: `llm:${r.usage.model}`,
              usage: r.usage,
              costUsd: r.usage.costUsd,
            };
          };
  const reply = await runStage(stages, 'reply', REPLY_TIMEOUT_MS, attempt, () => ({
    value: draft,
    engine: 'local',
  }));
  return { reply, knowledgeText };
}

function withoutSignature(text: string, signature: string): string {
  const sig = signature.trim();
  const body = text.trimEnd();
  return sig && body.endsWith(sig) ? body.slice(0, -sig.length).trimEnd() : body;
}
