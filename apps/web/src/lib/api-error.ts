import type { ErrorCode } from '@replyforce/contracts';

/** Codes the client adds for failures that never reached (or never came back from) the server. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** Seconds to wait before retrying, from `Retry-After` (429 / 503), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    code: ErrorCode | ClientErrorCode;
    message: string;
    status: number;
    details?: unknown;
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.retryAfter = init.retryAfter ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds an ApiError from a non-2xx response whose body follows `{ error: { code, message, details } }`. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : null;
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message, details } = error as { code: ErrorCode; message: unknown; details?: unknown };
    return new ApiError({ code, message: String(message), status: response.status, details, retryAfter });
  }
  return new ApiError({
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    status: response.status,
    retryAfter,
  });
}

/** A sentence to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** "/email", "email" and "email.0" all name the field "email". */
function topLevelKey(path: string): string | undefined {
  return path.split(/[/.]/).find((segment) => segment.length > 0);
}

/**
 * Per-field messages from a VALIDATION_FAILED answer, keyed by the top-level field name. Accepts
 * `details` as `{ field: message }`, `{ fieldErrors: { field: [message] } }` or `[{ path, message }]`.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const out: Record<string, string> = {};
  const put = (key: unknown, message: unknown) => {
    const text = Array.isArray(message) ? message[0] : message;
    if (
      (typeof key === 'string' || typeof key === 'number') &&
      typeof text === 'string' &&
      !(String(key) in out)
    ) {
      out[String(key)] = text;
    }
  };
  const { details } = error;
  if (Array.isArray(details)) {
    for (const issue of details) {
      if (typeof issue === 'object' && issue !== null) {
        const { path, message } = issue as { path?: unknown; message?: unknown };
        put(
          Array.isArray(path) ? path[0] : typeof path === 'string' ? topLevelKey(path) : undefined,
          message,
        );
      }
    }
  } else if (typeof details === 'object' && details !== null) {
    const record = details as Record<string, unknown>;
    const nested = record.fieldErrors ?? record.issues;
    if (Array.isArray(nested))
      return fieldErrorsOf(
        new ApiError({ code: 'VALIDATION_FAILED', message: '', status: 400, details: nested }),
      );
    const source =
      typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : record;
    for (const [key, value] of Object.entries(source)) put(key, value);
  }
  return out;
}
