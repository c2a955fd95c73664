/**
 * Graph API calls for Messenger, Instagram and WhatsApp, and the one table that turns Graph error
 * codes into failure kinds (docs/channel-contracts.md). Graph classifies by `code`, not by HTTP
 * status: nearly everything is a 400.
 */
import type { FailureKind, PolicyReason } from '../errors.ts';
import { ConnectorError } from '../errors.ts';
import { type HttpMethod, httpRequest, redact, retryAfterMs } from '../http.ts';
import type { ConnectorContext } from './types.ts';

export type GraphCall = {
  method: HttpMethod;
  /** Path segments after the version, each URL-encoded: `[pageId, 'messages']`. */
  path: string[];
  /** Bearer token: a user, Page or business token. */
  token?: string;
  query?: Record<string, string>;
  json?: unknown;
  /** Values in the query that must never reach an error message (client_secret, app token). */
  secrets?: string[];
};

export type Graph = (call: GraphCall) => Promise<unknown>;

export function createGraph(ctx: ConnectorContext): Graph {
  const base = ctx.endpoints.graphUrl.replace(/\/+$/, '');
  return async (call) => {
    const path = [ctx.endpoints.graphVersion, ...call.path].map(encodeURIComponent).join('/');
    const url = new URL(`${base}/${path}`);
    for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
    const secrets = [ctx.app.metaAppSecret, ...(call.secrets ?? []), ...(call.token ? [call.token] : [])];
    const res = await httpRequest({
      method: call.method,
      url,
      ...(call.token ? { bearer: call.token } : {}),
      ...(call.json !== undefined ? { json: call.json } : {}),
      timeoutMs: ctx.timeoutMs,
      ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
      secrets,
    });
    if (res.status >= 200 && res.status < 300) return res.body;
    throw graphError(res.status, res.body, res.headers, secrets);
  };
}

type Rule = { kind: FailureKind; reason?: PolicyReason };

/** Keyed `code/subcode` first, then `code`. Code 100 is decided in graphError. */
const GRAPH_RULES: Record<string, Rule> = {
  '190': { kind: 'auth_revoked' },
  '10/2018278': { kind: 'permanent', reason: 'window_closed' },
  '10/2018108': { kind: 'permanent', reason: 'private_reply_used' },
  '10/2018109': { kind: 'permanent', reason: 'private_reply_expired' },
  '551': { kind: 'permanent', reason: 'recipient_unavailable' },
  '4': { kind: 'rate_limited' },
  '17': { kind: 'rate_limited' },
  '32': { kind: 'rate_limited' },
  '613': { kind: 'rate_limited' },
  '80006': { kind: 'rate_limited' },
  '1': { kind: 'temporary' },
  '2': { kind: 'temporary' },
  // WhatsApp Cloud API
  '131047': { kind: 'permanent', reason: 'template_required' },
  '130429': { kind: 'rate_limited' },
  '131056': { kind: 'rate_limited' },
  '131026': { kind: 'permanent', reason: 'recipient_unavailable' },
};

/** Graph does not say how long to back off; a minute is what its rate-limit docs suggest. */
const DEFAULT_RATE_LIMIT_MS = 60_000;

/** "(#100) Unsupported get request. Object with ID '…' does not exist…" names an object; other 100s are bad parameters. */
const NAMES_AN_OBJECT = /object with id|does not exist|unknown (object|path)/i;

type GraphErrorBody = { message?: unknown; code?: unknown; error_subcode?: unknown };

export function graphError(
  status: number,
  body: unknown,
  headers: Headers,
  secrets: string[],
): ConnectorError {
  const err: GraphErrorBody =
    typeof body === 'object' &&
    body !== null &&
    'error' in body &&
    typeof body.error === 'object' &&
    body.error
      ? (body.error as GraphErrorBody)
      : {};
  const code = typeof err.code === 'number' || typeof err.code === 'string' ? String(err.code) : undefined;
  const sub =
    typeof err.error_subcode === 'number' || typeof err.error_subcode === 'string'
      ? String(err.error_subcode)
      : undefined;
  const platformCode = code ? (sub ? `${code}/${sub}` : code) : String(status);
  const detail = typeof err.message === 'string' ? err.message : `HTTP ${status}`;
  const message = redact(`Graph error ${platformCode}: ${detail}`, secrets);

  const rule =
    (code && ((sub && GRAPH_RULES[`${code}/${sub}`]) || GRAPH_RULES[code])) ||
    fallbackRule(status, code, sub, detail);
  return new ConnectorError(rule.kind, message, {
    platformCode,
    ...(rule.reason ? { reason: rule.reason } : {}),
    ...(rule.kind === 'rate_limited' ? { retryAfterMs: retryAfterMs(headers) ?? DEFAULT_RATE_LIMIT_MS } : {}),
  });
}

function fallbackRule(
  status: number,
  code: string | undefined,
  sub: string | undefined,
  detail: string,
): Rule {
  if (code === '100')
    return { kind: sub === '33' || NAMES_AN_OBJECT.test(detail) ? 'not_found' : 'permanent' };
  if (status >= 500) return { kind: 'temporary' };
  if (status === 429) return { kind: 'rate_limited' };
  return { kind: 'permanent' };
}
