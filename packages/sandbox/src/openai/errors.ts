import type { FastifyReply } from 'fastify';

/**
 * An OpenAI API error: `{"error":{"message","type","param","code"}}`, the shape the OpenAI SDKs and
 * `@ai-sdk/openai-compatible` parse, so clients report the sandbox's failures as they would OpenAI's.
 */
export class OpenAIError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: string,
    code: string | null,
    message: string,
    options: { param?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }
}

export function sendOpenAIError(reply: FastifyReply, err: OpenAIError): FastifyReply {
  return reply
    .status(err.status)
    .headers(err.headers)
    .send({ error: { message: err.message, type: err.type, param: err.param, code: err.code } });
}

/** Shows no more of a wrong key than OpenAI does: its first and last few characters. */
const maskKey = (key: string) => (key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`);

export const openaiError = {
  missingKey: () =>
    new OpenAIError(
      401,
      'invalid_request_error',
      null,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    ),
  wrongKey: (key: string) =>
    new OpenAIError(
      401,
      'invalid_request_error',
      'invalid_api_key',
      `Incorrect API key provided: ${maskKey(key)}.`,
    ),
  invalid: (message: string, param: string | null = null) =>
    new OpenAIError(400, 'invalid_request_error', null, message, { param }),
  notFound: (message: string) => new OpenAIError(404, 'invalid_request_error', 'unknown_url', message),
  rateLimited: (retryAfterSeconds: number) =>
    new OpenAIError(
      429,
      'requests',
      'rate_limit_exceeded',
      `Rate limit reached for requests. Please try again in ${retryAfterSeconds}s.`,
      {
        headers: {
          'retry-after': String(retryAfterSeconds),
          'retry-after-ms': String(retryAfterSeconds * 1000),
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
        },
      },
    ),
  server: () =>
    new OpenAIError(
      500,
      'server_error',
      null,
      'The server had an error while processing your request. Sorry about that!',
    ),
  timeout: () =>
    new OpenAIError(504, 'server_error', 'timeout', 'The server timed out producing a response.'),
};
