/**
 * X API v2 calls and how their failures map to kinds. X, unlike Graph, means its HTTP statuses:
 * 401 the token, 403 a refusal, 404 gone, 429 throttled until `x-rate-limit-reset`.
 */
import { ConnectorError } from '../../errors.ts';
import { type HttpMethod, httpRequest, redact, retryAfterMs } from '../../http.ts';
import type { ConnectorContext } from '../types.ts';

export type XCall = {
  method: HttpMethod;
  /** Path segments after the host, each URL-encoded: `['2', 'users', 'me']`. */
  path: string[];
  /** User token (Bearer). */
  token?: string;
  /** HTTP Basic with the app's client id and secret (OAuth token endpoints). */
  basicAuth?: boolean;
  json?: unknown;
  form?: Record<string, string>;
  /** A 403 here means X refused the recipient (DM closed, blocked). */
  isDm?: boolean;
  secrets?: string[];
};

export type XApi = (call: XCall) => Promise<unknown>;

export function createXApi(ctx: ConnectorContext): XApi {
  const base = ctx.endpoints.xApiUrl.replace(/\/+$/, '');
  const { xClientId, xClientSecret } = ctx.app;
  const basic = `Basic ${Buffer.from(`${xClientId}:${xClientSecret}`).toString('base64')}`;
  return async (call) => {
    const url = new URL(`${base}/${call.path.map(encodeURIComponent).join('/')}`);
    const secrets = [
      xClientSecret,
      ctx.app.xConsumerSecret,
      basic,
      ...(call.secrets ?? []),
      ...(call.token ? [call.token] : []),
    ];
    const res = await httpRequest({
      method: call.method,
      url,
      ...(call.token ? { bearer: call.token } : {}),
      ...(call.basicAuth ? { headers: { authorization: basic } } : {}),
      ...(call.json !== undefined ? { json: call.json } : {}),
      ...(call.form ? { form: call.form } : {}),
      timeoutMs: ctx.timeoutMs,
      ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
      secrets,
    });
    if (res.status >= 200 && res.status < 300) return res.body;
    throw xError(res.status, res.body, res.headers, { isDm: call.isDm ?? false, secrets });
  };
}

/** X does not always send the reset header; its windows are 15 minutes. */
const DEFAULT_RATE_LIMIT_MS = 15 * 60_000;

export function xError(
  status: number,
  body: unknown,
  headers: Headers,
  opts: { isDm: boolean; secrets: string[]; now?: number },
): ConnectorError {
  const message = redact(`X API ${status}: ${describe(body)}`, opts.secrets);
  // OAuth errors carry their own code (`invalid_grant`), problem JSON only the status.
  const oauthCode = field(body, 'error');
  const platformCode = oauthCode ?? String(status);
  if (status === 401) return new ConnectorError('auth_revoked', message, { platformCode });
  if (status === 403) {
    return new ConnectorError('permanent', message, {
      platformCode,
      ...(opts.isDm ? { reason: 'recipient_unavailable' as const } : {}),
    });
  }
  if (status === 404) return new ConnectorError('not_found', message, { platformCode });
  if (status === 429) {
    return new ConnectorError('rate_limited', message, {
      platformCode,
      retryAfterMs: resetAfterMs(headers, opts.now ?? Date.now()) ?? DEFAULT_RATE_LIMIT_MS,
    });
  }
  if (status >= 500) return new ConnectorError('temporary', message, { platformCode });
  return new ConnectorError('permanent', message, { platformCode });
}

function resetAfterMs(headers: Headers, now: number): number | undefined {
  const reset = headers.get('x-rate-limit-reset');
  if (reset && /^\d+$/.test(reset.trim())) return Math.max(0, Number(reset) * 1000 - now);
  return retryAfterMs(headers, now);
}

function describe(body: unknown): string {
  return (
    field(body, 'detail') ??
    field(body, 'title') ??
    field(body, 'error_description') ??
    field(body, 'error') ??
    'error'
  );
}

function field(body: unknown, key: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
