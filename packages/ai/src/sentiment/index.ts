import { analyzeSentiment } from './local-model.ts';
import type { SentimentResult } from './schema.ts';

export { SentimentResult } from './schema.ts';

/** Seed 001 Agent 3 with the local model (its fallback: neutral, medium urgency). */
export function sentimentLocally(text: string, language: string): SentimentResult {
  const s = analyzeSentiment(text, language);
  return { sentiment: s.label, score: round(s.score), urgency: s.urgency, emotions: s.emotions.slice(0, 8) };
}

export const NEUTRAL_SENTIMENT: SentimentResult = {
  sentiment: 'neutral',
  score: 0,
  urgency: 'medium',
  emotions: [],
};

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
