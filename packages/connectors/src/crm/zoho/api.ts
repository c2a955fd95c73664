/**
 * Zoho CRM over its REST API with `httpRequest` (the official SDK wants a global token store and
 * initializer singletons, a poor fit for many tenants, §9.5). `Authorization: Zoho-oauthtoken`,
 * base `{api_domain}/crm/v8`.
 */
import { ConnectorError } from '../../errors.ts';
import { type HttpMethod, httpRequest } from '../../http.ts';
import { crmError, kindOfStatus, parseRetryAfter } from '../shared/failures.ts';
import { DEFAULT_TIMEOUT_MS } from '../shared/key-field.ts';
import type { CrmAppConfig, CrmCredentials } from '../types.ts';

export type ZohoCall = {
  method: HttpMethod;
  /** After /crm/v8, e.g. `/Leads/upsert`. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  label: string;
};

export type ZohoAnswer = { status: number; body: Record<string, unknown> };
export type ZohoApi = (call: ZohoCall) => Promise<ZohoAnswer>;

/** Zoho sends no Retry-After with TOO_MANY_REQUESTS; its limits count per minute and per day. */
const LIMIT_WAIT_MS = 60_000;

export function createZohoApi(creds: CrmCredentials, app: CrmAppConfig): ZohoApi {
  if (!creds.apiBase) throw new ConnectorError('permanent', 'Zoho credentials have no api_domain');
  const base = `${creds.apiBase.replace(/\/+$/, '')}/crm/v8`;
  const secrets = [creds.accessToken];
  return async (call) => {
    const url = new URL(`${base}${call.path}`);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    const res = await httpRequest({
      method: call.method,
      url,
      headers: { authorization: `Zoho-oauthtoken ${creds.accessToken}`, ...call.headers },
      ...(call.json !== undefined ? { json: call.json } : {}),
      timeoutMs: app.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(app.fetch ? { fetch: app.fetch } : {}),
      secrets,
    });
    const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Record<
      string,
      unknown
    >;
    // 2xx and 304 are answers; so is a 400 that carries per-record results (every record failed).
    if (
      (res.status >= 200 && res.status < 300) ||
      res.status === 304 ||
      (res.status === 400 && Array.isArray(body.data))
    )
      return { status: res.status, body };
    const code = typeof body.code === 'string' ? body.code : String(res.status);
    const details = body.details && typeof body.details === 'object' ? JSON.stringify(body.details) : '';
    const limited = res.status === 429 || code === 'TOO_MANY_REQUESTS';
    throw crmError(
      limited ? 'rate_limited' : kindOfStatus(res.status),
      `Zoho ${call.label} ${res.status}: ${code} ${String(body.message ?? '')} ${details}`
        .trim()
        .slice(0, 1000),
      {
        platformCode: code,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) ?? LIMIT_WAIT_MS,
        secrets,
      },
    );
  };
}

/** One per-record entry of `data[]`: `{code, details, message, status}`. */
export type ZohoRecordResult = {
  code?: string;
  status?: string;
  message?: string;
  action?: string;
  details?: Record<string, unknown>;
};

export function recordResults(answer: ZohoAnswer): ZohoRecordResult[] {
  return Array.isArray(answer.body.data) ? (answer.body.data as ZohoRecordResult[]) : [];
}

export const describeFailure = (r: ZohoRecordResult | undefined) =>
  `Zoho ${r?.code ?? 'error'}: ${r?.message ?? 'no result'}${r?.details ? ` ${JSON.stringify(r.details)}` : ''}`.slice(
    0,
    1000,
  );
