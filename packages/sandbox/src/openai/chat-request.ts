import { z } from 'zod';
import { openaiError } from './errors.ts';

/**
 * The part of the Chat Completions request the stand-in reads. Loose objects: clients send fields
 * (seed, tools, user, …) the stand-in ignores, as OpenAI ignores what a model does not use.
 */
const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
});

const responseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1).max(64),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  n: z.literal(1).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  response_format: responseFormat.nullish(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
type ChatMessage = ChatRequest['messages'][number];

/** Parses the body or throws OpenAI's 400, naming the offending parameter as OpenAI does. */
export function parseChatRequest(body: unknown): ChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw openaiError.invalid('The request body must be a JSON object.');
  const result = chatRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.join('.') || null;
  throw openaiError.invalid(`Invalid value for '${param ?? 'body'}': ${issue?.message ?? 'invalid'}`, param);
}

export function messageText(m: ChatMessage): string {
  if (typeof m.content === 'string') return m.content;
  return (m.content ?? []).map((p) => p.text ?? '').join('\n');
}

/**
 * The customer's own words: the last user message, or only what sits inside its
 * `<customer_message>` tags when the prompt delimits them (ReplyForce's prompts do).
 */
export function customerText(request: ChatRequest): string {
  const last = request.messages.findLast((m) => m.role === 'user');
  const text = last ? messageText(last) : '';
  const tagged = text.match(/<customer_message>([\s\S]*?)<\/customer_message>/);
  return (tagged?.[1] ?? text).trim();
}

/** OpenAI rejects json_object requests whose messages never mention JSON; so does the stand-in. */
export function checkJsonMention(request: ChatRequest): void {
  if (request.response_format?.type !== 'json_object') return;
  if (!request.messages.some((m) => /json/i.test(messageText(m))))
    throw openaiError.invalid(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      'messages',
    );
}

/** About four characters a token, like OpenAI's rule of thumb for English. */
export const countTokens = (chars: number) => Math.max(1, Math.ceil(chars / 4));
