/**
 * The official `pipedrive` SDK (v2 persons and person fields, v1 notes). Its axios interceptor turns
 * every error into the bare body, dropping status and headers, so it is replaced with one that maps
 * errors to kinds. Axios has no retries of its own; `fetch` from the app config is honoured.
 */
import { NotesApi, Configuration as V1Configuration } from 'pipedrive/v1';
import { PersonFieldsApi, PersonsApi, Configuration as V2Configuration } from 'pipedrive/v2';
import { vendorBase } from '../shared/hosts.ts';
import { DEFAULT_TIMEOUT_MS } from '../shared/key-field.ts';
import type { CrmAppConfig, CrmCredentials } from '../types.ts';
import { pipedriveFailure } from './failures.ts';

type Interceptors = {
  interceptors: {
    response: {
      clear(): void;
      use(ok: (r: { data: unknown }) => unknown, fail: (e: unknown) => Promise<never>): number;
    };
  };
};

export type PipedriveClient = { persons: PersonsApi; personFields: PersonFieldsApi; notes: NotesApi };

/** API tokens never expire and come without a refresh token; OAuth grants always have both. */
export const isOauth = (creds: CrmCredentials) => Boolean(creds.refreshToken || creds.expiresAt);

export function createPipedriveClient(creds: CrmCredentials, app: CrmAppConfig): PipedriveClient {
  const domain = (creds.apiBase ?? vendorBase(app, 'api.pipedrive.com')).replace(/\/+$/, '');
  const auth = isOauth(creds) ? { accessToken: creds.accessToken } : { apiKey: creds.accessToken };
  const baseOptions = {
    timeout: app.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(app.fetch ? { adapter: 'fetch', env: { fetch: app.fetch } } : {}),
  };
  const v2 = new V2Configuration({ ...auth, basePath: `${domain}/api/v2` });
  const v1 = new V1Configuration({ ...auth, basePath: `${domain}/api/v1` });
  v2.baseOptions = baseOptions;
  v1.baseOptions = baseOptions;
  const secrets = [creds.accessToken];
  const wire = <T extends object>(api: T): T => {
    const { interceptors } = (api as unknown as { axios: Interceptors }).axios;
    interceptors.response.clear();
    interceptors.response.use(
      (res) => res.data,
      (err) => Promise.reject(pipedriveFailure(err, secrets)),
    );
    return api;
  };
  return {
    persons: wire(new PersonsApi(v2)),
    personFields: wire(new PersonFieldsApi(v2)),
    notes: wire(new NotesApi(v1)),
  };
}
