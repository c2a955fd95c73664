import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ProviderConfig } from './config.ts';
import { LlmError } from './errors.ts';

/** A model object (the SDK also accepts gateway id strings; ReplyForce always names its provider). */
export type ChatModel = Exclude<LanguageModel, string>;

const trimSlash = (url: string | undefined) => url?.replace(/\/+$/, '');

/**
 * The AI SDK language model for a tenant's configuration. The key is always passed explicitly:
 * without one the SDK would fall back to OPENAI_API_KEY / ANTHROPIC_API_KEY, which would let one
 * tenant's calls silently run on another key.
 */
export function createModel(config: ProviderConfig): ChatModel {
  const baseURL = trimSlash(config.baseUrl);
  switch (config.provider) {
    case 'openai':
      if (!config.apiKey) throw new LlmError('auth', 'No API key configured for openai');
      // Chat Completions rather than the Responses API: every proxy and compatible server speaks it.
      return createOpenAI({ apiKey: config.apiKey, ...(baseURL ? { baseURL } : {}) }).chat(config.model);
    case 'anthropic':
      if (!config.apiKey) throw new LlmError('auth', 'No API key configured for anthropic');
      return createAnthropic({ apiKey: config.apiKey, ...(baseURL ? { baseURL } : {}) })(config.model);
    case 'openai-compatible':
      if (!baseURL)
        throw new LlmError('bad_request', 'baseUrl is required for an openai-compatible provider');
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        // Send the schema itself (json_schema), not bare json_object: the model gets told the shape.
        supportsStructuredOutputs: true,
      }).chatModel(config.model);
  }
}
