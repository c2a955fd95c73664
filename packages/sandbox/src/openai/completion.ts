import { randomBytes } from 'node:crypto';
import { type ChatRequest, countTokens, customerText, messageText } from './chat-request.ts';
import { readHints } from './hints.ts';
import { jsonForSchema } from './json-from-schema.ts';
import { replyText, truncateToTokens } from './reply-text.ts';

export type Completion = {
  id: string;
  created: number;
  model: string;
  content: string;
  finishReason: 'stop' | 'length';
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

/** json_object without a schema: the smallest object a client asking for JSON can use. */
const FREE_JSON_SCHEMA = { type: 'object', properties: { reply: { type: 'string' } } };

/** The stand-in model: a deterministic answer derived from keyword rules on the customer's message. */
export function complete(request: ChatRequest, nowMs: number): Completion {
  const hints = readHints(customerText(request));
  const format = request.response_format;
  let content: string;
  let finishReason: Completion['finishReason'] = 'stop';
  if (format?.type === 'json_schema' || format?.type === 'json_object') {
    const schema = format.type === 'json_schema' ? (format.json_schema.schema ?? {}) : FREE_JSON_SCHEMA;
    // JSON is never truncated: a cut object is useless to the caller, and tests want valid output.
    content = JSON.stringify(jsonForSchema(schema, hints));
  } else {
    const cut = truncateToTokens(
      replyText(hints),
      request.max_completion_tokens ?? request.max_tokens ?? undefined,
    );
    content = cut.text;
    if (cut.cut) finishReason = 'length';
  }
  const schemaChars =
    format?.type === 'json_schema' ? JSON.stringify(format.json_schema.schema ?? {}).length : 0;
  const promptChars = request.messages.reduce((sum, m) => sum + messageText(m).length, schemaChars);
  const prompt = countTokens(promptChars);
  const completion = countTokens(content.length);
  return {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    created: Math.floor(nowMs / 1000),
    model: request.model,
    content,
    finishReason,
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

const FINGERPRINT = 'fp_replyforce_sandbox';

export function completionJson(c: Completion) {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    system_fingerprint: FINGERPRINT,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: c.content, refusal: null },
        logprobs: null,
        finish_reason: c.finishReason,
      },
    ],
    usage: c.usage,
  };
}

/** The same answer as server-sent events: role, content in pieces, finish, optional usage, [DONE]. */
export function completionEvents(c: Completion, includeUsage: boolean): string {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: c.id, object: 'chat.completion.chunk', created: c.created, model: c.model, system_fingerprint: FINGERPRINT, choices, ...extra })}\n\n`;
  const delta = (d: Record<string, unknown>, finish: string | null = null) =>
    chunk([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);
  let out = delta({ role: 'assistant', content: '', refusal: null });
  for (const piece of c.content.match(/[\s\S]{1,24}/g) ?? []) out += delta({ content: piece });
  out += delta({}, c.finishReason);
  if (includeUsage) out += chunk([], { usage: c.usage });
  return `${out}data: [DONE]\n\n`;
}
