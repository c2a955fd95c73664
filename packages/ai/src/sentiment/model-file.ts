/**
 * The committed sentiment models, read on first use and cached for the life of the process: one
 * for English (the language with the most customers and the TweetEval benchmark; trained on
 * English tweets only) and one for the other seven languages and for text whose language is
 * unknown (trained on all eight). Both are ordinary int8 linear model files inside one JSON file.
 */
import { readFileSync } from 'node:fs';
import { type LinearModel, type LinearModelFile, loadLinearModel } from '../learn/linear-model.ts';
import type { SentimentSpec } from './features.ts';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SENTIMENT_MODEL_URL = new URL('../../models/sentiment.json', import.meta.url);

export type SentimentModel = LinearModel & { spec: SentimentSpec };

export type SentimentModelFile = {
  format: 'replyforce-sentiment-v2';
  english: LinearModelFile;
  multilingual: LinearModelFile;
  /** Free-form facts about the training run (data, options, tuning figures). */
  meta?: Record<string, unknown>;
};

export type SentimentModels = {
  labels: readonly string[];
  english: SentimentModel;
  multilingual: SentimentModel;
};

let cached: SentimentModels | undefined;

function load(file: LinearModelFile): SentimentModel {
  const model = loadLinearModel(file);
  if (model.labels.join() !== SENTIMENT_LABELS.join())
    throw new Error('sentiment model has unexpected labels');
  // The file's spec carries the sentiment flags (extras, charWeight, …) the shared loader passes through.
  return { ...model, spec: file.spec as SentimentSpec };
}

export function sentimentModel(): SentimentModels {
  if (!cached) {
    const file = JSON.parse(readFileSync(SENTIMENT_MODEL_URL, 'utf8')) as SentimentModelFile;
    if (file.format !== 'replyforce-sentiment-v2')
      throw new Error(`unknown sentiment model format ${String(file.format)}`);
    cached = { labels: SENTIMENT_LABELS, english: load(file.english), multilingual: load(file.multilingual) };
  }
  return cached;
}

/** The model for a message in `language` (an ISO code; `und` or anything else → multilingual). */
export function modelFor(models: SentimentModels, language: string): SentimentModel {
  return language === 'en' ? models.english : models.multilingual;
}
