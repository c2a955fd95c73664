/**
 * Local sentiment: a linear model (hashed word and character n-grams, negation marking, a
 * hand-written lexicon, emoji and emoticons; one for English, one for the other languages)
 * decides negative / neutral / positive;
 * plain questions lean neutral (plain-question.ts); urgency and emotions come from documented
 * rules on top (urgency.ts, emotions.ts).
 * Runs in microseconds; the model file is read once, on first use.
 */
import { detectLanguage } from '../language/index.ts';
import { predictVector } from '../learn/linear-model.ts';
import { cueText } from './cues.ts';
import { type Emotion, emotionsOf } from './emotions.ts';
import { sentimentVector } from './features.ts';
import { modelFor, SENTIMENT_LABELS, type SentimentModel, sentimentModel } from './model-file.ts';
import { boostNeutral, isPlainQuestion, PLAIN_QUESTION_NEUTRAL_BOOST } from './plain-question.ts';
import { type Urgency, urgencyOf } from './urgency.ts';

export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export type LocalSentiment = {
  label: SentimentLabel;
  /** P(positive) − P(negative), in −1..1: positive for a positive label, negative for a negative one. */
  score: number;
  /** Probability of the chosen label, 0..1. */
  confidence: number;
  urgency: Urgency;
  emotions: Emotion[];
};

/** Past this the rest of a message adds cost, not signal (keeps the per-message time bounded). */
const MAX_CHARS = 4000;

/**
 * Class probabilities (SENTIMENT_LABELS order) of one message under one model, plain questions
 * leaning neutral. The training script scores candidate models through this too, so what it tunes
 * is what runs.
 */
export function sentimentProbabilities(
  model: SentimentModel,
  text: string,
  cues: string,
  language: string,
): Float64Array {
  const raw = predictVector(model, sentimentVector(text, model.spec, language));
  const neutral = SENTIMENT_LABELS.indexOf('neutral');
  return isPlainQuestion(text, cues) ? boostNeutral(raw, neutral, PLAIN_QUESTION_NEUTRAL_BOOST) : raw;
}

/**
 * `language` is the ISO code from detectLanguage when the caller has it (the pipeline does); it
 * picks the English or the multilingual model. Without it the message's language is detected here.
 */
export function analyzeSentiment(text: string, language?: string): LocalSentiment {
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const cues = cueText(clipped);
  if (cues === '') return { label: 'neutral', score: 0, confidence: 1, urgency: 'low', emotions: [] };

  const lang = language ?? detectLanguage(clipped).language;
  const p = sentimentProbabilities(modelFor(sentimentModel(), lang), clipped, cues, lang);
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  const label = SENTIMENT_LABELS[best] as SentimentLabel;
  const score =
    (p[SENTIMENT_LABELS.indexOf('positive')] ?? 0) - (p[SENTIMENT_LABELS.indexOf('negative')] ?? 0);
  return {
    label,
    score,
    confidence: p[best] ?? 0,
    urgency: urgencyOf(clipped, cues, label),
    emotions: emotionsOf(cues),
  };
}
