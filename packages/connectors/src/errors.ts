/**
 * Every third-party failure becomes one of these kinds; one place in core decides what to do with
 * each (retry, throttle, mark the connection needs_reauth, skip, dead-letter). ARCHITECTURE.md.
 */
export type FailureKind = 'temporary' | 'rate_limited' | 'auth_revoked' | 'not_found' | 'permanent';

/** Platform policy refusals, a subset of `permanent` the inbox shows to people. */
export type PolicyReason =
  | 'window_closed'
  | 'private_reply_used'
  | 'private_reply_expired'
  | 'template_required'
  | 'recipient_unavailable';

export class ConnectorError extends Error {
  override name = 'ConnectorError';
  readonly kind: FailureKind;
  /** For rate_limited: how long to wait, from Retry-After / x-rate-limit-reset / the platform's figure. */
  readonly retryAfterMs: number | undefined;
  /** The platform's own code, e.g. Graph `10/2018278`, WhatsApp `131047`, HTTP `429`. */
  readonly platformCode: string | undefined;
  readonly reason: PolicyReason | undefined;

  constructor(
    kind: FailureKind,
    message: string,
    opts: { retryAfterMs?: number; platformCode?: string; reason?: PolicyReason } = {},
  ) {
    super(message);
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.platformCode = opts.platformCode;
    this.reason = opts.reason;
  }
}

/** Thrown by webhook parsers: the body is not the platform's shape (the receiver answers 400). */
export class MalformedPayloadError extends Error {
  override name = 'MalformedPayloadError';
}
