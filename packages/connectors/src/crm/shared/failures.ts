/**
 * HTTP status → failure kind, the same table for every CRM (vendors add their own codes on top):
 * 401 means the grant is gone; 429 waits for Retry-After (or the vendor's window); 5xx and 408
 * may pass on retry; 404 is a missing record; any other 4xx will fail the same way again.
 */
import { ConnectorError, type FailureKind } from '../../errors.ts';
import { redact } from '../../http.ts';

export function kindOfStatus(status: number): FailureKind {
  if (status === 401) return 'auth_revoked';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 408 || status >= 500) return 'temporary';
  return 'permanent';
}

/** Retry-After in ms from a header value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function crmError(
  kind: FailureKind,
  message: string,
  opts: { platformCode?: string | undefined; retryAfterMs?: number | undefined; secrets?: readonly string[] },
): ConnectorError {
  return new ConnectorError(kind, redact(message, opts.secrets ?? []), {
    ...(opts.platformCode ? { platformCode: opts.platformCode } : {}),
    ...(kind === 'rate_limited' && opts.retryAfterMs !== undefined
      ? { retryAfterMs: opts.retryAfterMs }
      : {}),
  });
}

/** A failure with no HTTP answer (refused, reset, timed out) may pass on retry. */
export function networkFailure(label: string, err: unknown, secrets: readonly string[] = []): ConnectorError {
  const e = err as { message?: unknown; code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const text = typeof e?.message === 'string' ? e.message : 'network error';
  return new ConnectorError(
    'temporary',
    redact(`${label} failed: ${text}${code ? ` (${code})` : ''}`, secrets),
    {
      ...(code ? { platformCode: code } : {}),
    },
  );
}

/** Rejects after `ms` when an SDK call offers no way to pass a timeout or an abort signal. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConnectorError('temporary', `${label} timed out after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
