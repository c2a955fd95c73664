import { generateText, Output } from 'ai';
import type { z } from 'zod';
import { breakerKey, type CircuitBreaker } from './circuit-breaker.ts';
import type { ProviderConfig } from './config.ts';
import { type ChatModel, createModel } from './create-model.ts';
import { LlmError, type LlmErrorKind, toLlmError } from './errors.ts';
import { costUsd } from './prices.ts';

export type LlmUsage = { inputTokens: number; outputTokens: number };

/** What every LLM call takes besides its output shape. */
export type LlmCallOptions = {
  /** A tenant's provider configuration, or a ready model (tests, middleware-wrapped models). */
  model: ProviderConfig | ChatModel;
  system?: string;
  prompt: string;
  /** The whole call, retries included; past it the call is aborted with kind `timeout`. */
  timeoutMs?: number;
  maxOutputTokens?: number;
  temperature?: number;
  /** SDK-level retries on 429/5xx. 0 by default: the job queue owns retries and the breaker sees every failure. */
  maxRetries?: number;
  abortSignal?: AbortSignal;
  /** With a tenant, calls go through the breaker keyed by tenant + provider. */
  breaker?: { breaker: CircuitBreaker; tenantId: string };
};

export type LlmResult = { usage: LlmUsage; costUsd: number; latencyMs: number; model: string };

const DEFAULT_TIMEOUT_MS = 20_000;

/** Provider answered (even with a refusal or bad JSON): the provider is up, so the breaker sees success. */
const BREAKER_FAILURES: readonly LlmErrorKind[] = ['timeout', 'unavailable', 'rate_limited'];

function describe(model: ProviderConfig | ChatModel) {
  if ('specificationVersion' in model)
    return { instance: model, provider: model.provider, name: model.modelId };
  return { config: model, provider: model.provider, name: model.model, apiKey: model.apiKey };
}

/** Runs one SDK call under the timeout, the breaker and the error translation shared by both entry points. */
async function callModel<T>(
  options: LlmCallOptions,
  run: (model: ChatModel, signal: AbortSignal) => Promise<{ value: T; usage: Partial<LlmUsage> }>,
): Promise<{ value: T } & LlmResult> {
  const target = describe(options.model);
  const key = options.breaker ? breakerKey(options.breaker.tenantId, target.provider) : undefined;
  const breaker = options.breaker?.breaker;
  if (breaker && key && !breaker.tryAcquire(key)) {
    const retryAfterMs = breaker.retryAfterMs(key);
    throw new LlmError('unavailable', `Circuit open for ${target.provider}`, {
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.abortSignal
    ? AbortSignal.any([controller.signal, options.abortSignal])
    : controller.signal;
  const started = performance.now();
  try {
    const model = target.instance ?? createModel(target.config);
    const { value, usage: raw } = await run(model, signal);
    const usage = { inputTokens: raw.inputTokens ?? 0, outputTokens: raw.outputTokens ?? 0 };
    if (breaker && key) breaker.recordSuccess(key);
    return {
      value,
      usage,
      costUsd: costUsd(target.name, usage),
      latencyMs: Math.round(performance.now() - started),
      model: target.name,
    };
  } catch (error) {
    const failure = toLlmError(error, { timedOut, ...(target.apiKey ? { apiKey: target.apiKey } : {}) });
    if (breaker && key) {
      // The caller cancelling says nothing about the provider's health.
      if (options.abortSignal?.aborted && !timedOut) breaker.release(key);
      else if (BREAKER_FAILURES.includes(failure.kind)) breaker.recordFailure(key);
      else breaker.recordSuccess(key);
    }
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

const settings = (o: LlmCallOptions, signal: AbortSignal) => ({
  ...(o.system !== undefined ? { system: o.system } : {}),
  prompt: o.prompt,
  maxRetries: o.maxRetries ?? 0,
  abortSignal: signal,
  ...(o.maxOutputTokens !== undefined ? { maxOutputTokens: o.maxOutputTokens } : {}),
  ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
});

/**
 * A JSON object from the model, validated by `schema` (the SDK sends the schema as the provider's
 * structured-output format and parses and validates the answer). Throws LlmError.
 */
export async function generateStructured<S extends z.ZodType>(
  options: LlmCallOptions & { schema: S; schemaName?: string },
): Promise<{ object: z.infer<S> } & LlmResult> {
  const { value, ...rest } = await callModel(options, async (model, signal) => {
    const result = await generateText({
      model,
      ...settings(options, signal),
      output: Output.object({
        schema: options.schema,
        ...(options.schemaName ? { name: options.schemaName } : {}),
      }),
    });
    return { value: result.output as z.infer<S>, usage: result.usage };
  });
  return { object: value, ...rest };
}

/** Free text from the model (a reply draft). Throws LlmError; an empty answer is `invalid_output`. */
export async function generateReplyText(
  options: LlmCallOptions,
): Promise<{ text: string; finishReason: string } & LlmResult> {
  const { value, ...rest } = await callModel(options, async (model, signal) => {
    const result = await generateText({ model, ...settings(options, signal) });
    if (!result.text.trim()) throw new LlmError('invalid_output', 'The model returned an empty reply');
    return { value: { text: result.text.trim(), finishReason: result.finishReason }, usage: result.usage };
  });
  return { ...value, ...rest };
}
