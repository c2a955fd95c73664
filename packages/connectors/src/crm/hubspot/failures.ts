/**
 * @hubspot/api-client failures → kinds. The SDK throws ApiException `{code: status, body, headers}`
 * for HTTP errors and node-fetch's FetchError when there was no answer.
 */
import { ConnectorError } from '../../errors.ts';
import { crmError, kindOfStatus, networkFailure, parseRetryAfter } from '../shared/failures.ts';

type ApiException = { code: number; body?: unknown; headers?: Record<string, string> };

/** A ConnectorError that also names the properties HubSpot said do not exist (the upsert creates its key property then). */
export class HubspotError extends ConnectorError {
  missingProperties: string[] = [];
}

const isApiException = (err: unknown): err is ApiException =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as { code?: unknown }).code === 'number' &&
  'body' in err;

/** HubSpot names no wait for its windows; these are the windows themselves (§7.4). */
const POLICY_WAIT_MS: Record<string, number> = {
  TEN_SECONDLY_ROLLING: 10_000,
  SECONDLY: 1_000,
  DAILY: 60 * 60_000,
};

export function hubspotFailure(err: unknown, label: string, secrets: readonly string[]): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (!isApiException(err)) {
    const name = (err as { name?: unknown })?.name;
    if (name === 'FetchError' || name === 'AbortError')
      return networkFailure(`HubSpot ${label}`, err, secrets);
    // Anything else (an answer the SDK could not read) is not worth repeating blindly.
    return new ConnectorError(
      'permanent',
      `HubSpot ${label}: ${(err as Error)?.message ?? 'unexpected failure'}`.slice(0, 500),
    );
  }
  const body = (typeof err.body === 'object' && err.body !== null ? err.body : {}) as Record<string, unknown>;
  const category = typeof body.category === 'string' ? body.category : undefined;
  const policy = typeof body.policyName === 'string' ? body.policyName : undefined;
  const message =
    typeof body.message === 'string' ? body.message : typeof err.body === 'string' ? err.body : 'error';
  const missing = missingProperties(err);
  // 403 is a missing scope: only reconnecting with the scope fixes it.
  const kind = err.code === 403 ? 'auth_revoked' : kindOfStatus(err.code);
  const detail = missing.length > 0 ? ` (unknown properties: ${missing.join(', ')})` : '';
  const base = crmError(kind, `HubSpot ${label} ${err.code}: ${message}${detail}`.slice(0, 1000), {
    platformCode: policy ?? category ?? String(err.code),
    retryAfterMs:
      parseRetryAfter(err.headers?.['retry-after']) ?? POLICY_WAIT_MS[policy ?? 'TEN_SECONDLY_ROLLING'],
    secrets,
  });
  const out = new HubspotError(base.kind, base.message, {
    ...(base.platformCode ? { platformCode: base.platformCode } : {}),
    ...(base.retryAfterMs !== undefined ? { retryAfterMs: base.retryAfterMs } : {}),
  });
  out.missingProperties = missing;
  return out;
}

/** The property names a 400 VALIDATION_ERROR says do not exist. */
function missingProperties(err: unknown): string[] {
  if (!isApiException(err) || err.code !== 400) return [];
  const errors = (err.body as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: { code?: unknown; context?: { propertyName?: unknown } }) =>
    e?.code === 'PROPERTY_DOESNT_EXIST' && Array.isArray(e.context?.propertyName)
      ? (e.context.propertyName as string[])
      : [],
  );
}

/** `client.apiRequest` answers with the fetch Response whatever its status; a non-2xx becomes the same kinds. */
export async function responseFailure(
  res: { status: number; headers: { get(name: string): string | null }; text(): Promise<string> },
  label: string,
  secrets: readonly string[],
): Promise<ConnectorError> {
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = {};
  }
  const retryAfter = res.headers.get('retry-after');
  return hubspotFailure(
    { code: res.status, body, headers: retryAfter ? { 'retry-after': retryAfter } : {} },
    label,
    secrets,
  );
}
