/**
 * Local social-message intent: a linear model trained on mapped public intent data
 * (scripts/train-intent.ts) with rules on top where rules are more reliable — whole-message
 * greetings, "let me talk to a person" in six languages, emoji-only messages, and `isQuestion`.
 * Topic comes from the intent plus pricing/support keywords (rules: no public data has topics).
 */
import { readFileSync } from 'node:fs';
import { type LinearModel, type LinearModelFile, loadLinearModel, predict } from '../learn/linear-model.ts';
import type { FeatureSpec } from '../text/features.ts';
import {
  asksForHuman,
  emojiOnlyIntent,
  isGreeting,
  looksLikeQuestion,
  mentionsPricing,
  mentionsSupport,
  suggests,
  wantsToBuy,
  withoutGreeting,
} from './rules.ts';
import type { Intent } from './schema.ts';
import { PRAISE, type Topic } from './training-map.ts';

export type { Topic } from './training-map.ts';

export type SocialIntent = { label: Intent; confidence: number; isQuestion: boolean; topic: Topic };

/** Word 1–2-grams and character 2–4-grams in 2^16 buckets: ~0.9 MB as int8 for ten labels. */
export const INTENT_SPEC: FeatureSpec = { bits: 16, wordNgrams: [1, 2], charNgrams: [2, 3, 4] };

/** Longer texts are cut: the intent of a DM or comment is in its first lines. */
const MAX_CHARS = 2000;
/** How sure a rule is, reported as the confidence when a rule decides the label. */
const RULE_CONFIDENCE = 0.95;

let model: LinearModel | undefined;

function intentModel(): LinearModel {
  if (!model) {
    const file = JSON.parse(
      readFileSync(new URL('../../models/intent.json', import.meta.url), 'utf8'),
    ) as LinearModelFile;
    model = loadLinearModel(file);
  }
  return model;
}

function topicOf(label: Intent, text: string): Topic {
  switch (label) {
    case 'complaint':
      return 'complaint';
    case 'compliment':
    case 'feedback':
      return 'feedback';
    case 'greeting':
    case 'spam':
      return 'other';
    case 'human_request':
      return 'support';
    case 'purchase_intent':
      return mentionsPricing(text) ? 'pricing' : 'inquiry';
    default:
      if (mentionsPricing(text)) return 'pricing';
      if (label === 'request' || mentionsSupport(text)) return 'support';
      return label === 'other' ? 'other' : 'inquiry';
  }
}

export function classifyIntent(text: string): SocialIntent {
  const clipped = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const isQuestion = looksLikeQuestion(clipped);
  const decided = (label: Intent, confidence: number): SocialIntent => ({
    label,
    confidence,
    isQuestion,
    topic: topicOf(label, clipped),
  });
  if (clipped.trim() === '') return decided('other', 1);
  const emoji = emojiOnlyIntent(clipped);
  if (emoji) return decided(emoji, 0.7);
  if (isGreeting(clipped)) return decided('greeting', RULE_CONFIDENCE);
  if (asksForHuman(clipped)) return decided('human_request', RULE_CONFIDENCE);
  if (suggests(clipped)) return decided('feedback', RULE_CONFIDENCE);
  if (wantsToBuy(clipped)) return decided('purchase_intent', RULE_CONFIDENCE);

  const p = predict(intentModel(), withoutGreeting(clipped));
  let label = p.label as Intent;
  let confidence = p.confidence;
  // Most non-English training text is tweets (compliment or other): a message in those labels that
  // is plainly asking something is a question.
  if ((label === 'other' || label === 'compliment') && isQuestion && !PRAISE.test(clipped)) {
    label = 'question';
    confidence = Math.max(p.probabilities.question ?? 0, 0.5);
  }
  return decided(label, confidence);
}

/** Loads the model now rather than on the first message (servers call it at start). */
export function warmIntentModel(): void {
  intentModel();
}
