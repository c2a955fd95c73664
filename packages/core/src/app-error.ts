import type { ErrorCode } from '@replyforce/contracts';

/** An error a client can act on. apps/server maps each code to one HTTP status. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Seconds a client should wait (RATE_LIMITED). */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, opts: { details?: unknown; retryAfter?: number } = {}) {
    super(message);
    this.code = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }
}
