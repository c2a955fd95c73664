/** Thrown by a handler when retrying cannot help (the job goes straight to failed). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Thrown by a handler that must wait rather than fail: a per-channel rate limit, an open circuit
 * breaker, a platform's Retry-After. The job runs again after `delayMs` without using up an attempt,
 * so a throttled send never turns into a dead letter just because the channel was busy.
 */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  readonly delayMs: number;
  readonly reason: string;

  constructor(delayMs: number, reason: string) {
    super(`retry in ${Math.round(delayMs)} ms: ${reason}`);
    this.delayMs = Math.max(0, Math.ceil(delayMs));
    this.reason = reason;
  }
}

/**
 * Deferrals allowed per job before a RetryLaterError counts as an ordinary failure: a limit that
 * never lifts (a breaker stuck open, a bug computing the delay) must still end in a dead letter.
 */
export const MAX_DEFERRALS = 100;
