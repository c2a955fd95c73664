/**
 * The guard models committed in packages/ai/models, read on first use and cached for the life of
 * the process: every message goes through the guards, so a file is parsed once, never per call.
 */
import { readFileSync } from 'node:fs';
import { type LinearModel, type LinearModelFile, loadLinearModel } from '../learn/linear-model.ts';

export const SPAM_MODEL_URL = new URL('../../models/spam.json', import.meta.url);
export const INJECTION_MODEL_URL = new URL('../../models/injection.json', import.meta.url);
export const PROFANITY_LEXICON_URL = new URL('../../models/profanity.json', import.meta.url);

const linearModels = new Map<string, LinearModel>();

export function readJsonFile<T>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** A linear model from its file, loaded once. */
export function cachedLinearModel(url: URL): LinearModel {
  let model = linearModels.get(url.href);
  if (!model) {
    model = loadLinearModel(readJsonFile<LinearModelFile>(url));
    linearModels.set(url.href, model);
  }
  return model;
}
