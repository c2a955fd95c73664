import {
  APICallError,
  LoadAPIKeyError,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  RetryError,
} from 'ai';

/**
 * The few ways an LLM call fails, decided here once so callers choose retry, back-off, re-auth or
 * fallback without knowing the SDK's error classes:
 * - `timeout`: no answer within the caller's budget (or the provider's 408/504);
 * - `rate_limited`: 429, with `retryAfterMs` when the provider said how long to wait;
 * - `auth`: 401/403 or no key configured: retrying will not help, an admin must fix the key;
 * - `invalid_output`: the model answered but not with JSON matching the schema;
 * - `bad_request`: the provider refused the request itself (unknown model, prompt too long);
 * - `unavailable`: 5xx, connection refused, or the circuit breaker is open.
 */
export type LlmErrorKind =
  | 'timeout'
  | 'rate_limited'
  | 'auth'
  | 'invalid_output'
  | 'bad_request'
  | 'unavailable';

export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: LlmErrorKind, message: string, options: { status?: number; retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Keys must never reach a log: the configured one, and anything shaped like a provider key. */
export function scrubSecrets(text: string, apiKey?: string): string {
  let out = apiKey && apiKey.length >= 4 ? text.split(apiKey).join('***') : text;
  out = out.replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, '$1-***');
  return out.replace(/(bearer\s+)\S+/gi, '$1***');
}

/** Retry-After as seconds or an HTTP date, or OpenAI's retry-after-ms. */
export function parseRetryAfter(
  headers: Record<string, string> | undefined,
  now = Date.now(),
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function fromStatus(status: number, message: string, headers?: Record<string, string>): LlmError {
  if (status === 401 || status === 403) return new LlmError('auth', message, { status });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers);
    return new LlmError('rate_limited', message, {
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status === 408 || status === 504) return new LlmError('timeout', message, { status });
  if (status >= 500) return new LlmError('unavailable', message, { status });
  return new LlmError('bad_request', message, { status });
}

/** Translates whatever the SDK threw; `timedOut` says our own timer aborted the call. */
export function toLlmError(error: unknown, context: { timedOut: boolean; apiKey?: string }): LlmError {
  if (error instanceof LlmError) return error;
  if (context.timedOut) return new LlmError('timeout', 'The model did not answer in time');
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  const clean = (e: unknown) => scrubSecrets(e instanceof Error ? e.message : String(e), context.apiKey);
  if (APICallError.isInstance(cause)) {
    if (cause.statusCode !== undefined)
      return fromStatus(cause.statusCode, clean(cause), cause.responseHeaders);
    return new LlmError('unavailable', clean(cause));
  }
  if (LoadAPIKeyError.isInstance(cause))
    return new LlmError('auth', 'No API key configured for the provider');
  if (NoObjectGeneratedError.isInstance(cause) || NoOutputGeneratedError.isInstance(cause))
    return new LlmError('invalid_output', clean(cause));
  if (cause instanceof Error && (cause.name === 'TypeValidationError' || cause.name === 'JSONParseError'))
    return new LlmError('invalid_output', clean(cause));
  return new LlmError('unavailable', clean(cause));
}
