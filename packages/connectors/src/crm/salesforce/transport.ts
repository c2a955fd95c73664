/**
 * jsforce's HTTP transport with its own retries switched off and every error answer turned into a
 * ConnectorError while the status and headers are still known (jsforce's own errors keep neither).
 * jsforce retries GET/PUT/DELETE on 429/5xx and network errors five times by default; core decides.
 */
// Named imports: Node and vitest agree on them for CommonJS modules (they differ on `default`).
import { Transport } from 'jsforce/lib/transport.js';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce/lib/types/common.js';
import { StreamPromise } from 'jsforce/lib/util/promise.js';
import { ConnectorError } from '../../errors.ts';
import { crmError, kindOfStatus, networkFailure, parseRetryAfter } from '../shared/failures.ts';

/** Salesforce sends no Retry-After with REQUEST_LIMIT_EXCEEDED (§8.5); a minute before trying again. */
const LIMIT_WAIT_MS = 60_000;

type SfErrorBody = { errorCode?: unknown; message?: unknown; error?: unknown; error_description?: unknown };

function firstError(body: string): SfErrorBody {
  try {
    const parsed: unknown = JSON.parse(body);
    const first = Array.isArray(parsed) ? parsed[0] : parsed;
    return typeof first === 'object' && first !== null ? (first as SfErrorBody) : {};
  } catch {
    return {};
  }
}

export function salesforceFailure(
  res: HttpResponse,
  label: string,
  secrets: readonly string[],
): ConnectorError {
  const e = firstError(res.body);
  const code =
    typeof e.errorCode === 'string' ? e.errorCode : typeof e.error === 'string' ? e.error : undefined;
  const text = [e.message, e.error_description].find((v) => typeof v === 'string') as string | undefined;
  const limited = code === 'REQUEST_LIMIT_EXCEEDED';
  // 300: the external id matched several records; only a person can merge them.
  const kind = limited ? 'rate_limited' : res.statusCode === 300 ? 'permanent' : kindOfStatus(res.statusCode);
  return crmError(
    kind,
    `Salesforce ${label} ${res.statusCode}: ${code ?? ''} ${text ?? ''}`.trim().slice(0, 1000),
    {
      platformCode: code ?? String(res.statusCode),
      retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? (limited ? LIMIT_WAIT_MS : 1000),
      secrets,
    },
  );
}

export class ConnectorTransport extends Transport {
  readonly timeoutMs: number;
  readonly secrets: readonly string[];

  constructor(timeoutMs: number, secrets: readonly string[]) {
    super();
    this.timeoutMs = timeoutMs;
    this.secrets = secrets;
  }

  override httpRequest(req: HttpRequest, options: HttpRequestOptions = {}) {
    const inner = super.httpRequest(req, {
      ...options,
      timeout: this.timeoutMs,
      retry: { maxRetries: 0, methods: [] },
    });
    const label = `${req.method} ${new URL(req.url, 'http://x').pathname.replace(/^.*\/services\//, '/services/')}`;
    return StreamPromise.create(() => ({
      stream: inner.stream(),
      promise: inner.then(
        (res) => {
          if (res.statusCode >= 300 && res.statusCode !== 304)
            throw salesforceFailure(res, label, this.secrets);
          return res;
        },
        (err: unknown) => {
          throw err instanceof ConnectorError
            ? err
            : networkFailure(`Salesforce ${label}`, err, this.secrets);
        },
      ),
    }));
  }
}
