/**
 * Tenant-trained intent engine: a business labels its own examples `{ text, intent }` for routing
 * and templates; the engine answers `oos` (out of scope) when it is unsure.
 */
export { type IntentEngine, loadIntentEngine } from './load.ts';
export { type IntentEngineFile, IntentEngineFileSchema, OOS } from './model-file.ts';
export { type Example, type IntentEngineOptions, trainIntentEngine } from './train.ts';
