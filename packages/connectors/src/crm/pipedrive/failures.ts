/** Pipedrive SDK (axios) failures → kinds, read from the HTTP answer the SDK's own interceptor would discard. */
import type { ConnectorError } from '../../errors.ts';
import { crmError, kindOfStatus, networkFailure, parseRetryAfter } from '../shared/failures.ts';

type AxiosLikeError = {
  message?: string;
  code?: string;
  config?: { method?: string; url?: string };
  response?: { status: number; data?: unknown; headers?: unknown };
};

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h.get === 'function' ? h.get(name) : h[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** The burst window is two seconds (§10); without headers, wait one window. */
const BURST_WAIT_MS = 2_000;

export function pipedriveFailure(err: unknown, secrets: readonly string[]): ConnectorError {
  const e = (err ?? {}) as AxiosLikeError;
  const path = e.config?.url ? new URL(e.config.url, 'http://x').pathname.replace(/^.*\/api\//, '/api/') : '';
  const label = `Pipedrive ${(e.config?.method ?? '').toUpperCase()} ${path}`.trim();
  if (!e.response) return networkFailure(label, err, secrets);
  const { status, data, headers } = e.response;
  const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const reason = [body.error, body.message].find((v) => typeof v === 'string') as string | undefined;
  const reset = header(headers, 'x-ratelimit-reset');
  // 402: the company's subscription lapsed; 403: the user may not do this. Neither passes on retry.
  const kind = status === 402 || status === 403 ? 'permanent' : kindOfStatus(status);
  return crmError(kind, `${label} ${status}: ${reason ?? 'error'}`.slice(0, 1000), {
    platformCode: typeof body.code === 'string' ? body.code : String(status),
    retryAfterMs:
      parseRetryAfter(header(headers, 'retry-after')) ??
      (reset && /^\d+$/.test(reset) ? Number(reset) * 1000 : BURST_WAIT_MS),
    secrets,
  });
}
