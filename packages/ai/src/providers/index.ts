export {
  type BreakerState,
  breakerKey,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  createCircuitBreaker,
} from './circuit-breaker.ts';
export { type ProviderConfig, type ProviderName, providerConfigSchema } from './config.ts';
export { type ChatModel, createModel } from './create-model.ts';
export { LlmError, type LlmErrorKind, parseRetryAfter, scrubSecrets, toLlmError } from './errors.ts';
export {
  generateReplyText,
  generateStructured,
  type LlmCallOptions,
  type LlmResult,
  type LlmUsage,
} from './generate.ts';
export { costUsd, MODEL_PRICES, type ModelPrice, priceOf } from './prices.ts';
