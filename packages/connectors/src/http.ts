/**
 * The one place connectors touch the network. Every failure to get an answer (refused connection,
 * DNS, reset, timeout) becomes ConnectorError('temporary'); HTTP statuses are left to the caller,
 * because each platform classifies its own errors. Error messages name the method and path only:
 * queries can carry secrets (debug_token, client_secret) and tokens are scrubbed from any text.
 */
import type { z } from 'zod';
import { ConnectorError } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HttpRequest = {
  method: HttpMethod;
  url: URL;
  /** Sent as `Authorization: Bearer`, and scrubbed from error messages. */
  bearer?: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Other values that must never appear in an error message (client secrets, tokens in queries). */
  secrets?: readonly string[];
};

export type HttpResponse = { status: number; headers: Headers; body: unknown };

export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  if (req.bearer) headers.authorization = `Bearer ${req.bearer}`;
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  }
  const label = `${req.method} ${req.url.pathname}`;
  const secrets = secretsOf(req);
  try {
    const res = await (req.fetch ?? fetch)(req.url, {
      method: req.method,
      headers,
      body,
      // Covers reading the body too: a platform that stalls mid-answer is as slow as one that never answers.
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseBody(text) };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const what = timedOut ? `timed out after ${req.timeoutMs} ms` : `failed: ${networkCause(err)}`;
    throw new ConnectorError('temporary', redact(`${label} ${what}`, secrets));
  }
}

/** Replaces every known secret in a text that may reach logs or the UI. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Very short values would blank out ordinary words; real tokens and secrets are long.
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[redacted]');
  return out;
}

export function secretsOf(req: Pick<HttpRequest, 'bearer' | 'secrets'>): string[] {
  return [...(req.secrets ?? []), ...(req.bearer ? [req.bearer] : [])];
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Validates a successful answer. A 2xx we cannot read is `permanent`: retrying a send whose answer
 * we did not understand could deliver the message twice.
 */
export function readAnswer<S extends z.ZodType>(schema: S, body: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ConnectorError('permanent', `${label}: unexpected answer from the platform`);
  return parsed.data;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function networkCause(err: unknown): string {
  if (!(err instanceof Error)) return 'network error';
  const cause = err.cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return code ? `${err.message} (${code})` : err.message;
}
