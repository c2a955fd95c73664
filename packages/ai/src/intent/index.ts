import { type LeadHistory, scoreLead } from '../lead-score/score-lead.ts';
import type { SentimentResult } from '../sentiment/schema.ts';
import type { Understanding } from '../understand/schema.ts';
import type { classifyIntent } from './local-model.ts';
import type { IntentResult } from './schema.ts';

export { IntentResult } from './schema.ts';

type IntentGuess = ReturnType<typeof classifyIntent>;

/** Seed 001 Agent 4: the message's intent and the lead's new score, by weighted rules. */
export function scoreIntent(input: {
  text: string;
  guess: IntentGuess;
  understanding: Understanding;
  sentiment: SentimentResult;
  history: LeadHistory;
  thresholds: { hot: number; warm: number };
  now: Date;
}): IntentResult {
  // A question about price is a buying question (seed 001 §11.2 calls it purchase evaluation).
  const intent =
    input.guess.label === 'question' && input.understanding.topic === 'pricing'
      ? 'purchase_intent'
      : input.guess.label;
  const lead = scoreLead({
    text: input.text,
    intent,
    sentiment: { label: input.sentiment.sentiment, score: input.sentiment.score },
    topic: input.understanding.topic,
    isQuestion: input.understanding.is_question,
    productMentions: input.understanding.entities.filter((e) => e.type === 'product').length,
    history: input.history,
    thresholds: input.thresholds,
    now: input.now,
  });
  return {
    intent,
    confidence: Math.round(input.guess.confidence * 1000) / 1000,
    score: lead.score,
    tag: lead.tag,
    signals: lead.signals,
    recommended_action: lead.recommended_action,
    manual_tag: input.history.manualTag,
  };
}
