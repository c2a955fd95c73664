/**
 * Pipedrive OAuth (§10) over plain HTTP, or a personal API token. The token endpoint takes the app
 * as HTTP Basic; the answer's api_domain (`https://<company>.pipedrive.com`) is where the grant works.
 */
import { checkVendorUrl, vendorBase } from '../shared/hosts.ts';
import { expiresAtOf, identityRequest, revokeRequest, stringField, tokenRequest } from '../shared/oauth.ts';
import type { CrmAppConfig, CrmAuth, CrmCredentials } from '../types.ts';

const COMPANY = /^[a-z0-9-]+\.pipedrive\.com$/i;

export function createPipedriveAuth(app: CrmAppConfig): CrmAuth {
  const oauth = vendorBase(app, 'oauth.pipedrive.com');
  const companyId = async (apiBase: string, headers: Record<string, string>, secret: string) => {
    const me = await identityRequest(app, `${apiBase}/api/v1/users/me`, headers, 'Pipedrive users/me', [
      secret,
    ]);
    const id = (me.data as { company_id?: unknown } | undefined)?.company_id;
    return id === undefined ? undefined : String(id);
  };
  const credentials = (body: Record<string, unknown>, previous?: CrmCredentials): CrmCredentials => {
    const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : previous?.refreshToken;
    const apiBase =
      typeof body.api_domain === 'string'
        ? checkVendorUrl(app, body.api_domain, COMPANY, 'Pipedrive api_domain')
        : previous?.apiBase;
    return {
      accessToken: stringField(body, 'access_token', 'Pipedrive token'),
      ...(refreshToken ? { refreshToken } : {}),
      ...expiresAtOf(body),
      ...(apiBase ? { apiBase } : {}),
      ...(previous?.accountId ? { accountId: previous.accountId } : {}),
    };
  };
  return {
    vendor: 'pipedrive',
    authorizeUrl({ redirectUri, state }) {
      return `${oauth}/oauth/authorize?${new URLSearchParams({ client_id: app.clientId, redirect_uri: redirectUri, state })}`;
    },
    async exchangeCode({ code, redirectUri }) {
      const body = await tokenRequest(app, {
        url: `${oauth}/oauth/token`,
        form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
        basic: true,
        refusedAs: 'permanent',
        label: 'Pipedrive code exchange',
      });
      const creds = credentials(body);
      const accountId = creds.apiBase
        ? await companyId(creds.apiBase, { authorization: `Bearer ${creds.accessToken}` }, creds.accessToken)
        : undefined;
      return { ...creds, ...(accountId ? { accountId } : {}) };
    },
    async refresh(creds) {
      const body = await tokenRequest(app, {
        url: `${oauth}/oauth/token`,
        form: { grant_type: 'refresh_token', refresh_token: creds.refreshToken ?? '' },
        basic: true,
        refusedAs: 'auth_revoked',
        label: 'Pipedrive token refresh',
      });
      return credentials(body, creds);
    },
    async fromApiToken(token, opts) {
      const apiBase = opts?.apiBase
        ? checkVendorUrl(app, opts.apiBase, /^(api|[a-z0-9-]+)\.pipedrive\.com$/i, 'Pipedrive domain')
        : vendorBase(app, 'api.pipedrive.com');
      const accountId = await companyId(apiBase, { 'x-api-token': token }, token);
      return { accessToken: token, apiBase, ...(accountId ? { accountId } : {}) };
    },
    async revoke(creds) {
      if (!creds.refreshToken) return;
      await revokeRequest(app, {
        method: 'POST',
        url: new URL(`${oauth}/oauth/revoke`),
        headers: {
          authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
        },
        form: { token: creds.refreshToken, token_type_hint: 'refresh_token' },
        label: 'Pipedrive revoke',
        secrets: [creds.refreshToken],
      });
    },
  };
}
