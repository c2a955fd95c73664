/**
 * Local language identification for the eight languages the product serves. The writing system
 * decides Arabic and Hindi-in-Devanagari outright; Latin-script text (including romanised Hindi)
 * goes to a character n-gram model. Text with too few letters, or in a script none of the eight
 * use, is `und` rather than a guess.
 */
import { predictVector } from '../learn/linear-model.ts';
import { languageText } from './clean-text.ts';
import { languageVector } from './features.ts';
import { languageModel } from './model-file.ts';
import type { DetectedLanguage } from './schema.ts';
import { countScripts } from './script.ts';

export type { DetectedLanguage } from './schema.ts';

/** Fewer letters than this ("ok", "jaja") carry no reliable signal. */
const MIN_LETTERS = 3;
/** Below this the model is choosing between near-equal languages: say so instead. */
const MIN_CONFIDENCE = 0.4;
/** One or two words ("Hello!", "gracias") share most of their letters across languages: be surer. */
const MIN_CONFIDENCE_SHORT = 0.8;

/** A language shows in its first sentences; reading further only costs time (~0.1 ms per 1,000 chars). */
const MAX_CHARS = 1000;

const UNDETERMINED: DetectedLanguage = { language: 'und', confidence: 0 };

export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = languageText(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const scripts = countScripts(cleaned);
  if (scripts.total < MIN_LETTERS) return UNDETERMINED;
  const share = (n: number) => n / scripts.total;
  if (share(scripts.arabic) >= 0.5) return { language: 'ar', confidence: share(scripts.arabic) };
  if (share(scripts.devanagari) >= 0.5) return { language: 'hi', confidence: share(scripts.devanagari) };
  if (scripts.latin < MIN_LETTERS || share(scripts.latin) < 0.5) return UNDETERMINED;

  const model = languageModel();
  const probabilities = predictVector(model, languageVector(cleaned));
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) {
    if ((probabilities[c] as number) > (probabilities[best] as number)) best = c;
  }
  const confidence = probabilities[best] ?? 0;
  const short = (cleaned.match(/\p{L}+/gu)?.length ?? 0) <= 2;
  if (confidence < (short ? MIN_CONFIDENCE_SHORT : MIN_CONFIDENCE)) return UNDETERMINED;
  return { language: model.labels[best] as DetectedLanguage['language'], confidence };
}
