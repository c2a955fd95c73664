import { z } from 'zod';

export type ProviderName = 'openai' | 'anthropic' | 'openai-compatible';

/**
 * Which LLM to call. `baseUrl` is required for `openai-compatible` (Ollama, vLLM, LM Studio, the
 * sandbox) and optional for the others (a proxy in front of OpenAI or Anthropic). `apiKey` is never
 * read from the environment here: configuration is read once, in packages/config.
 */
export type ProviderConfig = {
  provider: ProviderName;
  apiKey?: string;
  baseUrl?: string;
  model: string;
};

export const providerConfigSchema = z
  .object({
    provider: z.enum(['openai', 'anthropic', 'openai-compatible']),
    apiKey: z.string().min(1).optional(),
    baseUrl: z.url().optional(),
    model: z.string().min(1).max(200),
  })
  .refine((c) => c.provider !== 'openai-compatible' || c.baseUrl !== undefined, {
    message: 'baseUrl is required for an openai-compatible provider',
    path: ['baseUrl'],
  });
