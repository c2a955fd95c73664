/**
 * Language features: character 1–4-grams (spelling habits: "ção", "sch", "ñ", "hai ") and whole
 * words (function words settle most tweets), hashed into 2^16 buckets. Takes text already
 * passed through `languageText`, so links and handles never vote.
 */
import { type FeatureSpec, featurize, type SparseVector } from '../text/features.ts';

export const LANGUAGE_SPEC: FeatureSpec = { bits: 16, wordNgrams: [1], charNgrams: [1, 2, 3, 4] };

export function languageVector(cleanedText: string, spec: FeatureSpec = LANGUAGE_SPEC): SparseVector {
  return featurize(cleanedText, spec);
}
