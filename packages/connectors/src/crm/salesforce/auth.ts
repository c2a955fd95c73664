/**
 * Salesforce OAuth 2 web-server flow (§8.4) over plain HTTP: authorise and trade the code at
 * login.salesforce.com, then always call the org's instance_url. Sessions time out (two hours by
 * default) and the token answer has no expires_in, so credentials expire two hours after issue.
 */
import { checkVendorUrl, vendorBase } from '../shared/hosts.ts';
import { revokeRequest, stringField, tokenRequest } from '../shared/oauth.ts';
import type { CrmAppConfig, CrmAuth, CrmCredentials } from '../types.ts';

export const SALESFORCE_SCOPES = ['api', 'refresh_token'];
const SESSION_MS = 2 * 60 * 60_000;
const INSTANCE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(salesforce|force)\.com$/i;

export function createSalesforceAuth(app: CrmAppConfig): CrmAuth {
  const login = vendorBase(app, 'login.salesforce.com');
  const credentials = (body: Record<string, unknown>, previous?: CrmCredentials): CrmCredentials => {
    const issued = Number(body.issued_at) || Date.now();
    const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : previous?.refreshToken;
    // `id` is https://login.salesforce.com/id/<org id>/<user id>.
    const orgId = typeof body.id === 'string' ? body.id.split('/').at(-2) : undefined;
    const accountId = orgId ?? previous?.accountId;
    return {
      accessToken: stringField(body, 'access_token', 'Salesforce token'),
      ...(refreshToken ? { refreshToken } : {}),
      expiresAt: issued + SESSION_MS,
      apiBase: checkVendorUrl(
        app,
        stringField(body, 'instance_url', 'Salesforce token'),
        INSTANCE,
        'Salesforce instance_url',
      ),
      ...(accountId ? { accountId } : {}),
    };
  };
  return {
    vendor: 'salesforce',
    authorizeUrl({ redirectUri, state }) {
      const q = new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope: SALESFORCE_SCOPES.join(' '),
        state,
      });
      return `${login}/services/oauth2/authorize?${q.toString().replace(/\+/g, '%20')}`;
    },
    async exchangeCode({ code, redirectUri }) {
      const body = await tokenRequest(app, {
        url: `${login}/services/oauth2/token`,
        form: {
          grant_type: 'authorization_code',
          code,
          client_id: app.clientId,
          client_secret: app.clientSecret,
          redirect_uri: redirectUri,
        },
        refusedAs: 'permanent',
        label: 'Salesforce code exchange',
      });
      return credentials(body);
    },
    async refresh(creds) {
      const body = await tokenRequest(app, {
        url: `${login}/services/oauth2/token`,
        form: {
          grant_type: 'refresh_token',
          refresh_token: creds.refreshToken ?? '',
          client_id: app.clientId,
          client_secret: app.clientSecret,
        },
        refusedAs: 'auth_revoked',
        label: 'Salesforce token refresh',
      });
      return credentials(body, creds);
    },
    async revoke(creds) {
      const token = creds.refreshToken ?? creds.accessToken;
      await revokeRequest(app, {
        method: 'POST',
        url: new URL(`${login}/services/oauth2/revoke`),
        form: { token },
        label: 'Salesforce revoke',
        secrets: [token],
      });
    },
  };
}
