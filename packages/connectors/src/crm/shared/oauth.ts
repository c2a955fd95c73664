/**
 * Token requests of the four OAuth servers, over plain HTTP rather than the vendor SDKs: connecting
 * and refreshing run in the API process, which should not load a CRM SDK to POST one form.
 */
import { ConnectorError } from '../../errors.ts';
import { httpRequest } from '../../http.ts';
import type { CrmAppConfig } from '../types.ts';
import { crmError, kindOfStatus, parseRetryAfter } from './failures.ts';
import { DEFAULT_TIMEOUT_MS } from './key-field.ts';

export type TokenCall = {
  url: string;
  /** Sent as a form body, or in the query string (Zoho's refresh documents it that way). */
  form?: Record<string, string>;
  query?: Record<string, string>;
  /** HTTP Basic with the app's client id and secret (Pipedrive). */
  basic?: boolean;
  /** What a refused grant means here: a dead refresh token is auth_revoked, a bad code is permanent. */
  refusedAs: 'auth_revoked' | 'permanent';
  label: string;
};

type Answer = Record<string, unknown>;

export async function tokenRequest(app: CrmAppConfig, call: TokenCall): Promise<Answer> {
  const url = new URL(call.url);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const secrets = [
    app.clientSecret,
    ...Object.values(call.form ?? {}),
    ...Object.values(call.query ?? {}),
  ].filter((s) => s.length >= 12);
  const res = await httpRequest({
    method: 'POST',
    url,
    ...(call.form ? { form: call.form } : {}),
    ...(call.basic
      ? {
          headers: {
            authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
          },
        }
      : {}),
    timeoutMs: app.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(app.fetch ? { fetch: app.fetch } : {}),
    secrets,
  });
  const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Answer;
  // Zoho answers a refused grant with HTTP 200 and `{"error": "invalid_code"}`.
  const error =
    typeof body.error === 'string'
      ? body.error
      : typeof body.status === 'string' && res.status >= 400
        ? body.status
        : undefined;
  if (res.status >= 200 && res.status < 300 && !error) return body;
  const description = [body.error_description, body.message, error].find((v) => typeof v === 'string') as
    | string
    | undefined;
  const message = `${call.label} refused (${res.status}): ${description ?? 'no reason given'}`;
  const status = res.status >= 200 && res.status < 300 ? 400 : res.status;
  const kind = status === 400 || status === 401 ? call.refusedAs : kindOfStatus(status);
  throw crmError(kind, message, {
    platformCode: error ?? String(status),
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    secrets,
  });
}

export function stringField(body: Answer, key: string, label: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !value)
    throw new ConnectorError('permanent', `${label}: the answer has no ${key}`);
  return value;
}

export function expiresAtOf(body: Answer, now = Date.now()): { expiresAt?: number } {
  const s = Number(body.expires_in);
  return Number.isFinite(s) && s > 0 ? { expiresAt: now + s * 1000 } : {};
}

/** GET with a token, for the one identity call a connection makes (hub id, org id, company id). */
export async function identityRequest(
  app: CrmAppConfig,
  url: string,
  headers: Record<string, string>,
  label: string,
  secrets: string[],
): Promise<Answer> {
  const res = await httpRequest({
    method: 'GET',
    url: new URL(url),
    headers,
    timeoutMs: app.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(app.fetch ? { fetch: app.fetch } : {}),
    secrets,
  });
  if (res.status >= 200 && res.status < 300 && typeof res.body === 'object' && res.body !== null)
    return res.body as Answer;
  const kind = kindOfStatus(res.status === 403 ? 401 : res.status);
  throw crmError(kind, `${label} failed (${res.status})`, {
    platformCode: String(res.status),
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    secrets,
  });
}

/**
 * Revokes a grant. 400 and 404 mean the token is unknown or already revoked, which is the goal;
 * anything else that is not 2xx is reported with its kind.
 */
export async function revokeRequest(
  app: CrmAppConfig,
  req: {
    method: 'POST' | 'DELETE';
    url: URL;
    form?: Record<string, string>;
    headers?: Record<string, string>;
    label: string;
    secrets: string[];
  },
): Promise<void> {
  const res = await httpRequest({
    method: req.method,
    url: req.url,
    ...(req.form ? { form: req.form } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
    timeoutMs: app.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(app.fetch ? { fetch: app.fetch } : {}),
    secrets: [...req.secrets, app.clientSecret],
  });
  if ((res.status >= 200 && res.status < 300) || res.status === 400 || res.status === 404) return;
  throw crmError(kindOfStatus(res.status), `${req.label} failed (${res.status})`, {
    platformCode: String(res.status),
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
  });
}
