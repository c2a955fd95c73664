/**
 * SMS-style spam ("WINNER!! claim your prize, call 0900…") from a logistic regression over hashed
 * word and character n-grams, trained on the UCI SMS Spam Collection (scripts/train-guards.ts).
 */

import { predictVector } from '../learn/linear-model.ts';
import { featurize } from '../text/features.ts';
import { cachedLinearModel, SPAM_MODEL_URL } from './model-files.ts';
import type { SpamVerdict } from './schema.ts';

/** Spam announces itself early; scoring a pasted document in full would only cost time. */
const MAX_CHARS = 2_000;

export function detectSpam(text: string): SpamVerdict {
  if (text.trim() === '') return { isSpam: false, score: 0 };
  const model = cachedLinearModel(SPAM_MODEL_URL);
  const probabilities = predictVector(model, featurize(text.slice(0, MAX_CHARS), model.spec));
  const score = probabilities[model.labels.indexOf('spam')] ?? 0;
  return { isSpam: score >= 0.5, score };
}
