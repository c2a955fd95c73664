/** The committed sentiment model, read on first use and cached for the life of the process. */
import { readFileSync } from 'node:fs';
import { type LinearModel, type LinearModelFile, loadLinearModel } from '../learn/linear-model.ts';
import { SENTIMENT_SPEC, type SentimentSpec } from './features.ts';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SENTIMENT_MODEL_URL = new URL('../../models/sentiment.json', import.meta.url);

export type SentimentModel = LinearModel & { spec: SentimentSpec };

let cached: SentimentModel | undefined;

export function sentimentModel(): SentimentModel {
  if (!cached) {
    const file = JSON.parse(readFileSync(SENTIMENT_MODEL_URL, 'utf8')) as LinearModelFile;
    const model = loadLinearModel(file);
    if (model.labels.join() !== SENTIMENT_LABELS.join())
      throw new Error('sentiment model has unexpected labels');
    // The file's spec carries the extra flags the shared loader passes through untouched.
    cached = { ...model, spec: { ...SENTIMENT_SPEC, ...model.spec } };
  }
  return cached;
}
