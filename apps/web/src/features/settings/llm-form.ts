// The language-model form. The key is write-only: the API says only whether one is stored, and an
// empty key field keeps it (packages/core/src/ai-settings/update-llm-settings.ts). Checks mirror
// LlmSettingsBody; whether a base URL points at a private address only the server can tell.

import type { FieldErrors } from '../../lib/validation.ts';
import type { LlmInput, LlmProvider, LlmSettings } from './settings-api.ts';

export interface LlmForm {
  provider: LlmProvider;
  model: string;
  understandModel: string;
  baseUrl: string;
  apiKey: string;
  enabled: boolean;
}

export type LlmField = keyof LlmForm;

export const PROVIDERS: ReadonlyArray<{ value: LlmProvider; label: string }> = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'openai-compatible', label: 'OpenAI-compatible (Ollama, vLLM…)' },
];

export function toLlmForm(settings: LlmSettings): LlmForm {
  return {
    provider: settings.provider ?? 'openai',
    model: settings.model ?? '',
    understandModel: settings.understandModel ?? '',
    baseUrl: settings.baseUrl ?? '',
    apiKey: '',
    enabled: settings.configured ? settings.enabled : true,
  };
}

/** The stored key is kept only for the same provider at the same address (as the server does). */
export function keepsStoredKey(form: LlmForm, settings: LlmSettings): boolean {
  return (
    settings.hasApiKey &&
    settings.provider === form.provider &&
    (settings.baseUrl ?? '') === form.baseUrl.trim()
  );
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function checkLlmForm(form: LlmForm, settings: LlmSettings): FieldErrors<LlmField> {
  const errors: FieldErrors<LlmField> = {};
  if (!form.model.trim()) errors.model = 'Name the model, e.g. gpt-4o-mini.';
  else if (form.model.trim().length > 200) errors.model = 'At most 200 characters.';
  if (form.understandModel.trim().length > 200) errors.understandModel = 'At most 200 characters.';
  const baseUrl = form.baseUrl.trim();
  if (!baseUrl && form.provider === 'openai-compatible')
    errors.baseUrl = 'An OpenAI-compatible server needs its base URL.';
  else if (baseUrl && !isHttpUrl(baseUrl))
    errors.baseUrl = 'Enter a full http or https address, like https://llm.example.com/v1.';
  else if (baseUrl.length > 500) errors.baseUrl = 'At most 500 characters.';
  if (form.provider !== 'openai-compatible' && !form.apiKey.trim() && !keepsStoredKey(form, settings))
    errors.apiKey = `${form.provider === 'openai' ? 'OpenAI' : 'Anthropic'} needs an API key.`;
  else if (form.apiKey.trim().length > 500) errors.apiKey = 'At most 500 characters.';
  return errors;
}

/** The body for PUT; empty optional fields are left out (an absent key keeps the stored one). */
export function fromLlmForm(form: LlmForm): LlmInput {
  const understandModel = form.understandModel.trim();
  const baseUrl = form.baseUrl.trim();
  const apiKey = form.apiKey.trim();
  return {
    provider: form.provider,
    model: form.model.trim(),
    ...(understandModel ? { understandModel } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    enabled: form.enabled,
  };
}

/** Share of a budget used, 0..100, for the meters. */
export function usedPercent(used: number, limit: number): number {
  if (limit <= 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / limit) * 100));
}
