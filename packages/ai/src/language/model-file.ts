/**
 * The committed language model, read on first use and kept for the life of the process (a
 * detection then costs microseconds; the file is read once).
 */
import { readFileSync } from 'node:fs';
import { type LinearModel, type LinearModelFile, loadLinearModel } from '../learn/linear-model.ts';

export const LANGUAGE_MODEL_URL = new URL('../../models/language.json', import.meta.url);

let cached: LinearModel | undefined;

export function languageModel(): LinearModel {
  cached ??= loadLinearModel(JSON.parse(readFileSync(LANGUAGE_MODEL_URL, 'utf8')) as LinearModelFile);
  return cached;
}
