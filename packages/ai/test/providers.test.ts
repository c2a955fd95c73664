import { type SandboxServer, startSandboxServer } from '@replyforce/sandbox/standalone.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  costUsd,
  createCircuitBreaker,
  createModel,
  generateReplyText,
  generateStructured,
  LlmError,
  type ProviderConfig,
  priceOf,
} from '../src/providers/index.ts';
import { buildReplyPrompt } from '../src/reply/prompt.ts';

const KEY = 'sk-sandbox-test-key-1234';
let sandbox: SandboxServer;
let local: ProviderConfig;

const Sentiment = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  score: z.number().min(-1).max(1),
  urgency: z.enum(['low', 'medium', 'high', 'critical']),
  emotions: z.array(z.string()).max(8),
});

beforeAll(async () => {
  sandbox = await startSandboxServer({
    metaAppId: '1',
    metaAppSecret: 'meta-secret',
    xClientId: 'x',
    xClientSecret: 'x-secret',
    xConsumerSecret: 'x-consumer',
    secret: 'sandbox-secret',
    webhookTarget: 'http://127.0.0.1:9',
    openaiApiKey: KEY,
    timing: { faultHoldMs: 300 },
  });
  local = {
    provider: 'openai-compatible',
    baseUrl: `${sandbox.url}/openai/v1`,
    apiKey: KEY,
    model: 'sandbox-chat',
  };
});
afterAll(() => sandbox.close());

const faults = (body: object) =>
  fetch(`${sandbox.url}/control/openai/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const callCount = async () =>
  ((await (await fetch(`${sandbox.url}/control/openai/calls`)).json()) as { calls: unknown[] }).calls.length;

/** The LlmError a call fails with (the test fails if it succeeds). */
async function failure(run: () => Promise<unknown>): Promise<LlmError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError);
    return error as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('LLM providers against the sandbox', () => {
  beforeEach(() => faults({ mode: 'none' }));

  it('returns a schema-valid object with token usage through @ai-sdk/openai-compatible', async () => {
    const result = await generateStructured({
      model: local,
      schema: Sentiment,
      system: 'Judge the tone.',
      prompt: '<customer_message>The parcel arrived damaged, I am really disappointed.</customer_message>',
      timeoutMs: 5000,
    });
    expect(Sentiment.parse(result.object)).toMatchObject({ sentiment: 'negative' });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.costUsd).toBe(0); // a local model has no price
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('prices a known model from the table, here through @ai-sdk/openai pointed at a proxy URL', async () => {
    const config: ProviderConfig = { ...local, provider: 'openai', model: 'gpt-4o-mini' };
    const result = await generateStructured({ model: config, schema: Sentiment, prompt: 'Thanks, love it!' });
    expect(result.object.sentiment).toBe('positive');
    const { inputTokens, outputTokens } = result.usage;
    expect(result.costUsd).toBeCloseTo((inputTokens * 0.15 + outputTokens * 0.6) / 1e6, 12);
    expect(result.costUsd).toBeGreaterThan(0);
  });

  it('writes reply text, and takes a ready model object as well as a config', async () => {
    const reply = await generateReplyText({
      model: createModel(local),
      prompt: 'Do you have oat milk in stock?',
    });
    expect(reply.text).toMatch(/availability/);
    expect(reply.finishReason).toBe('stop');
  });

  it('answers a built reply prompt with the customer message, not the instructions around it', async () => {
    const Reply = z.object({
      reply_text: z.string().min(1).max(2000),
      confidence: z.number().min(0).max(1),
      requires_human: z.boolean(),
      suggested_actions: z.array(z.string()).max(5),
    });
    const { system, prompt } = buildReplyPrompt({
      businessName: 'Acme Coffee',
      voice: { tone: 'professional', emoji: 'none', maxLength: 300 },
      message: 'My order never arrived and I want a refund.',
      knowledge: [{ title: 'Pricing', text: 'A 1kg bag costs 24 EUR.' }],
    });
    const result = await generateStructured({
      model: local,
      schema: Reply,
      system,
      prompt,
      maxOutputTokens: 400,
    });
    expect(result.object.reply_text).toMatch(/sorry/i);
    expect(result.object.requires_human).toBe(true);
  });

  it('translates a wrong key into `auth` without ever showing the key', async () => {
    const wrongKey = 'sk-live-wrong-0123456789abcdef';
    const error = await failure(() =>
      generateStructured({ model: { ...local, apiKey: wrongKey }, schema: Sentiment, prompt: 'hi' }),
    );
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(`${error.message} ${error.stack}`).not.toContain(wrongKey);
    // OpenAI and Anthropic without a key fail before any request (no silent fallback to env keys).
    const before = await callCount();
    const noKey = await failure(() =>
      generateReplyText({ model: { provider: 'anthropic', model: 'claude-3-5-haiku-latest' }, prompt: 'hi' }),
    );
    expect(noKey.kind).toBe('auth');
    expect(await callCount()).toBe(before);
  });

  it('reports 429 as `rate_limited` with the Retry-After in ms', async () => {
    await faults({ mode: 'rate_limit', count: 1, retryAfterSeconds: 7 });
    const error = await failure(() => generateStructured({ model: local, schema: Sentiment, prompt: 'hi' }));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('aborts a response slower than timeoutMs as `timeout`', async () => {
    await faults({ mode: 'delay', count: 1, delayMs: 5000 });
    const error = await failure(() =>
      generateStructured({ model: local, schema: Sentiment, prompt: 'hi', timeoutMs: 150 }),
    );
    expect(error.kind).toBe('timeout');
  });

  it('reports output that fails the schema as `invalid_output`', async () => {
    const Impossible = z.object({ code: z.string().regex(/^ZX-\d{6}$/) });
    const error = await failure(() => generateStructured({ model: local, schema: Impossible, prompt: 'hi' }));
    expect(error.kind).toBe('invalid_output');
  });

  it('opens the breaker after the threshold of 500s, refuses without calling, and closes after cooldown', async () => {
    let now = 1_000_000;
    const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, now: () => now });
    const guarded = { breaker, tenantId: 'tenant-a' };
    const ask = () => generateStructured({ model: local, schema: Sentiment, prompt: 'hi', breaker: guarded });
    await faults({ mode: 'error_5xx', count: 4 });
    for (let i = 0; i < 3; i++) expect((await failure(ask)).kind).toBe('unavailable');
    expect(breaker.state('tenant-a:openai-compatible')).toBe('open');

    const before = await callCount();
    const refused = await failure(ask);
    expect(refused).toMatchObject({ kind: 'unavailable', retryAfterMs: 30_000 });
    expect(await callCount()).toBe(before); // refused locally, the provider never saw it
    // Another tenant on the same provider is unaffected.
    expect(breaker.state('tenant-b:openai-compatible')).toBe('closed');

    now += 30_000; // half-open: the trial meets the fourth injected 500 and re-opens the circuit
    expect(breaker.state('tenant-a:openai-compatible')).toBe('half_open');
    expect((await failure(ask)).kind).toBe('unavailable');
    expect(breaker.state('tenant-a:openai-compatible')).toBe('open');

    now += 30_000; // the next trial succeeds and closes it
    expect((await ask()).object).toBeTruthy();
    expect(breaker.state('tenant-a:openai-compatible')).toBe('closed');
  });
});

describe('circuit breaker and prices', () => {
  it('lets exactly one trial through while half-open', () => {
    let now = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: () => now });
    breaker.recordFailure('k');
    expect(breaker.tryAcquire('k')).toBe(false);
    now = 10;
    expect([breaker.tryAcquire('k'), breaker.tryAcquire('k')]).toEqual([true, false]);
    breaker.release('k'); // the trial's caller gave up: another caller may try
    expect([breaker.tryAcquire('k'), breaker.tryAcquire('k')]).toEqual([true, false]);
    breaker.recordSuccess('k');
    expect(breaker.tryAcquire('k')).toBe(true);
    expect(() => createCircuitBreaker({ failureThreshold: 0, cooldownMs: 1 })).toThrow();
  });

  it('prices dated snapshots and aliases, and nothing for unknown or local models', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual(priceOf('gpt-4o-mini'));
    expect(priceOf('claude-3-5-haiku-20241022')).toEqual({ inputPerMillion: 0.8, outputPerMillion: 4 });
    expect(priceOf('anthropic/claude-sonnet-4-20250514')?.outputPerMillion).toBe(15);
    expect(priceOf('gpt-4.1-mini')).not.toEqual(priceOf('gpt-4.1'));
    expect(costUsd('gpt-4o', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(12.5);
    expect(costUsd('claude-sonnet-4', { inputTokens: 500, outputTokens: 200 })).toBeCloseTo(0.0045, 10);
    for (const model of ['llama3.1:8b', 'gpt-4o-turbo-preview', '', '🤖'])
      expect(costUsd(model, { inputTokens: 9, outputTokens: 9 })).toBe(0);
  });
});
