import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, startWorld, type World } from './helpers/setup.ts';

const KEY = 'sk-sandbox';

/** A sentiment-like schema as the AI SDK sends it: zod → JSON Schema. */
const Sentiment = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  score: z.number().min(-1).max(1),
  urgency: z.enum(['low', 'medium', 'high', 'critical']),
  emotions: z.array(z.string()).max(8),
  summary: z.string().max(120),
  is_question: z.boolean(),
  lead_score: z.number().int().min(0).max(100),
  tag: z.union([z.literal('HOT'), z.literal('WARM'), z.literal('COLD')]),
  entities: z.array(z.object({ type: z.enum(['product', 'person']), value: z.string().min(1) })).max(3),
  note: z.string().nullable(),
});

describe('OpenAI-compatible stand-in at /openai/v1', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world.close());

  const chat = (json: unknown, token: string | null = KEY) =>
    call(`${world.url}/openai/v1/chat/completions`, { json, ...(token ? { token } : {}) });
  const structured = (text: string) =>
    chat({
      model: 'sandbox-chat',
      messages: [
        { role: 'system', content: 'Classify the message.' },
        { role: 'user', content: text },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'sentiment', strict: true, schema: z.toJSONSchema(Sentiment) },
      },
    });

  it('answers 401 in OpenAI error shape without a key or with a wrong one, never echoing the key', async () => {
    const body = { model: 'sandbox-chat', messages: [{ role: 'user', content: 'hi' }] };
    const missing = await chat(body, null);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: 'invalid_request_error', param: null });
    const wrong = await chat(body, 'sk-not-the-right-key-9876');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_api_key');
    expect(wrong.text).not.toContain('sk-not-the-right-key-9876');
    expect((await call(`${world.url}/openai/v1/models`)).status).toBe(401);
  });

  it('answers 400 to a malformed JSON body and to a request without messages', async () => {
    const res = await fetch(`${world.url}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: '{"model": "sandbox-chat", "messages": [',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.type).toBe('invalid_request_error');
    const empty = await chat({ model: 'sandbox-chat', messages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.param).toBe('messages');
    const noJsonWord = await chat({
      model: 'sandbox-chat',
      messages: [{ role: 'user', content: 'hello' }],
      response_format: { type: 'json_object' },
    });
    expect(noJsonWord.status).toBe(400);
  });

  it('produces a schema-valid object with usage, reading the message with keyword rules', async () => {
    const angry = await structured('My order arrived broken and nobody answers. I want a refund today!');
    expect(angry.status).toBe(200);
    expect(angry.body).toMatchObject({ object: 'chat.completion', model: 'sandbox-chat' });
    expect(angry.body.choices[0].finish_reason).toBe('stop');
    const parsed = Sentiment.parse(JSON.parse(angry.body.choices[0].message.content));
    expect(parsed).toMatchObject({ sentiment: 'negative', urgency: 'high', tag: 'COLD', is_question: false });
    expect(parsed.score).toBeLessThan(0);
    const { prompt_tokens, completion_tokens, total_tokens } = angry.body.usage;
    expect(prompt_tokens).toBeGreaterThan(0);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);

    const happy = Sentiment.parse(
      JSON.parse(
        (await structured('Love the new beans, thank you! How much is a 1kg bag?')).body.choices[0].message
          .content,
      ),
    );
    expect(happy).toMatchObject({ sentiment: 'positive', tag: 'HOT', is_question: true });
  });

  it('stays schema-valid on empty, emoji-only, very long and non-Latin messages', async () => {
    for (const text of [
      '',
      '🔥🔥🙏',
      'coffee '.repeat(5000),
      'مرحبا، كم سعر القهوة؟',
      '你好，这个多少钱？',
    ]) {
      const res = await structured(text);
      expect(res.status).toBe(200);
      expect(() => Sentiment.parse(JSON.parse(res.body.choices[0].message.content))).not.toThrow();
    }
  });

  it('replies in plain text echoing the topic, cuts at max_tokens, and streams as SSE', async () => {
    const plain = await chat({ model: 'x', messages: [{ role: 'user', content: 'What are your prices?' }] });
    expect(plain.body.choices[0].message.content).toMatch(/pricing/);
    const cut = await chat({ model: 'x', max_tokens: 3, messages: [{ role: 'user', content: 'Prices?' }] });
    expect(cut.body.choices[0].finish_reason).toBe('length');
    expect(cut.body.choices[0].message.content.length).toBeLessThanOrEqual(12);
    const stream = await chat({
      model: 'x',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'What are your prices?' }],
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = stream.text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)));
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe(plain.body.choices[0].message.content);
    expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });

  it('lists models and injects 500s, 429 with Retry-After, and delays through /control/openai', async () => {
    const models = await call(`${world.url}/openai/v1/models`, { token: KEY });
    expect(models.body.object).toBe('list');
    expect(models.body.data.map((m: { id: string }) => m.id)).toContain('gpt-4o-mini');
    const ask = () => chat({ model: 'x', messages: [{ role: 'user', content: 'hi' }] });
    const faults = (json: unknown) => call(`${world.url}/control/openai/faults`, { json });

    expect((await faults({ mode: 'error_5xx', count: 2 })).body).toEqual({ mode: 'error_5xx', remaining: 2 });
    const statuses = [(await ask()).status, (await ask()).status, (await ask()).status];
    expect(statuses).toEqual([500, 500, 200]);

    await faults({ mode: 'rate_limit', count: 1, retryAfterSeconds: 9 });
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect(limited.body.error.code).toBe('rate_limit_exceeded');

    await faults({ mode: 'delay', delayMs: 20 });
    expect((await ask()).status).toBe(200);
    await faults({ mode: 'none' });
    expect((await faults({ mode: 'explode' })).status).toBe(400);

    const log = await call(`${world.url}/control/openai/calls`);
    expect(log.body.calls.filter((c: { status: number }) => c.status === 500)).toHaveLength(2);
  });
});
