import { Client } from '@hubspot/api-client';
import { withTimeout } from '../shared/failures.ts';
import { vendorBase } from '../shared/hosts.ts';
import { DEFAULT_TIMEOUT_MS } from '../shared/key-field.ts';
import type { CrmAppConfig, CrmCredentials } from '../types.ts';
import { hubspotFailure } from './failures.ts';

export type HubspotCall = <T>(label: string, fn: (client: Client) => Promise<T>) => Promise<T>;

/**
 * The SDK client, with its Bottleneck limiter and retry decorator left off (no limiterOptions, zero
 * retries): core's limiter and retry policy decide, once, for every CRM. The SDK takes no fetch or
 * signal, so timeouts wrap each call.
 */
export function createHubspotCall(creds: CrmCredentials, app: CrmAppConfig): HubspotCall {
  const client = new Client({
    accessToken: creds.accessToken,
    basePath: vendorBase(app, 'api.hubapi.com'),
    numberOfApiCallRetries: 0,
  });
  const timeoutMs = app.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secrets = [creds.accessToken];
  return async (label, fn) => {
    try {
      return await withTimeout(fn(client), timeoutMs, `HubSpot ${label}`);
    } catch (err) {
      throw hubspotFailure(err, label, secrets);
    }
  };
}
