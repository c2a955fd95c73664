import { describe, expect, it } from 'vitest';
import { checkLlmForm, fromLlmForm, keepsStoredKey, toLlmForm, usedPercent } from './llm-form.ts';
import type { LlmSettings } from './settings-api.ts';

const usage = {
  plan: 'starter',
  tokensToday: 0,
  tokensThisMonth: 0,
  dailyLimit: 10_000,
  monthlyLimit: 200_000,
  costUsdThisMonth: 0,
  callsThisMonth: 0,
};
const none: LlmSettings = {
  configured: false,
  provider: null,
  model: null,
  understandModel: null,
  baseUrl: null,
  hasApiKey: false,
  enabled: false,
  usage,
};
const openai: LlmSettings = {
  ...none,
  configured: true,
  provider: 'openai',
  model: 'gpt-4o-mini',
  hasApiKey: true,
  enabled: true,
};

describe('language model form', () => {
  it('starts a fresh form enabled, with OpenAI and no key', () => {
    expect(toLlmForm(none)).toEqual({
      provider: 'openai',
      model: '',
      understandModel: '',
      baseUrl: '',
      apiKey: '',
      enabled: true,
    });
  });

  it('asks for a key unless the stored one is kept (same provider, same address)', () => {
    const form = toLlmForm(openai);
    expect(keepsStoredKey(form, openai)).toBe(true);
    expect(checkLlmForm(form, openai)).toEqual({});
    expect(checkLlmForm({ ...form, provider: 'anthropic' }, openai).apiKey).toBe(
      'Anthropic needs an API key.',
    );
    expect(checkLlmForm({ ...form, baseUrl: 'https://proxy.example.com/v1' }, openai).apiKey).toBeDefined();
    expect(checkLlmForm(toLlmForm(none), none)).toMatchObject({ apiKey: 'OpenAI needs an API key.' });
  });

  it('needs a base URL for an OpenAI-compatible server, and a real http(s) one', () => {
    const form = { ...toLlmForm(none), provider: 'openai-compatible' as const, model: 'llama3.1' };
    expect(checkLlmForm(form, none)).toEqual({ baseUrl: 'An OpenAI-compatible server needs its base URL.' });
    expect(checkLlmForm({ ...form, baseUrl: 'ftp://x.example.com' }, none).baseUrl).toMatch(/http or https/);
    expect(checkLlmForm({ ...form, baseUrl: 'https://llm.example.com/v1' }, none)).toEqual({});
  });

  it('sends only what is filled in: an empty key keeps the stored one', () => {
    expect(fromLlmForm({ ...toLlmForm(openai), model: ' gpt-4o ' })).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      enabled: true,
    });
    expect(
      fromLlmForm({ ...toLlmForm(openai), apiKey: ' sk-new ', understandModel: 'gpt-4o-mini' }),
    ).toMatchObject({ apiKey: 'sk-new', understandModel: 'gpt-4o-mini' });
  });

  it('shows budget use in whole percent, capped at 100', () => {
    expect(usedPercent(2_500, 10_000)).toBe(25);
    expect(usedPercent(15_000, 10_000)).toBe(100);
    expect(usedPercent(0, 0)).toBe(0);
  });
});
