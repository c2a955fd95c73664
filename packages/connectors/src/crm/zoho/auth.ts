/**
 * Zoho OAuth (§9.3). The person signs in at the accounts server of `region`; the redirect then names
 * the org's own data centre (`location`, `accounts-server`), where the code must be exchanged and
 * every refresh must go. Both are checked against the known servers before the client secret is
 * sent anywhere. api_domain is kept per connection. Refused grants come back as HTTP 200 `{error}`.
 */
import { checkVendorUrl, vendorBase } from '../shared/hosts.ts';
import { expiresAtOf, identityRequest, revokeRequest, stringField, tokenRequest } from '../shared/oauth.ts';
import type { CrmAppConfig, CrmAuth, CrmCredentials } from '../types.ts';
import { ACCOUNTS_HOST, API_HOST, ZOHO_REGIONS, zohoRegion } from './dc.ts';

export const ZOHO_SCOPES = ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.fields.ALL', 'ZohoCRM.org.READ'];

export function createZohoAuth(app: CrmAppConfig): CrmAuth {
  const accountsBase = (region?: string) => vendorBase(app, ZOHO_REGIONS[zohoRegion(region)].accounts);
  const apiDomain = (body: Record<string, unknown>, previous?: string) =>
    typeof body.api_domain === 'string'
      ? checkVendorUrl(app, body.api_domain, API_HOST, 'Zoho api_domain')
      : previous;

  const orgId = async (apiBase: string, token: string) => {
    const answer = await identityRequest(
      app,
      `${apiBase}/crm/v8/org`,
      { authorization: `Zoho-oauthtoken ${token}` },
      'Zoho org',
      [token],
    );
    const org = Array.isArray(answer.org) ? (answer.org[0] as { id?: unknown }) : undefined;
    return org?.id !== undefined ? String(org.id) : undefined;
  };

  return {
    vendor: 'zoho',
    authorizeUrl({ redirectUri, state, region }) {
      const q = new URLSearchParams({
        scope: ZOHO_SCOPES.join(','),
        client_id: app.clientId,
        response_type: 'code',
        access_type: 'offline',
        prompt: 'consent',
        redirect_uri: redirectUri,
        state,
      });
      return `${accountsBase(region)}/oauth/v2/auth?${q}`;
    },
    async exchangeCode({ code, redirectUri, extra }) {
      const named = extra?.['accounts-server'];
      const accountsServer = named
        ? checkVendorUrl(app, named, ACCOUNTS_HOST, 'Zoho accounts-server')
        : accountsBase(extra?.location);
      const body = await tokenRequest(app, {
        url: `${accountsServer}/oauth/v2/token`,
        form: {
          grant_type: 'authorization_code',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          redirect_uri: redirectUri,
          code,
        },
        refusedAs: 'permanent',
        label: 'Zoho code exchange',
      });
      const accessToken = stringField(body, 'access_token', 'Zoho token');
      const apiBase = apiDomain(body) ?? vendorBase(app, ZOHO_REGIONS[zohoRegion(extra?.location)].api);
      const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : undefined;
      const accountId = await orgId(apiBase, accessToken);
      return {
        accessToken,
        ...(refreshToken ? { refreshToken } : {}),
        ...expiresAtOf(body),
        apiBase,
        accountsServer,
        ...(accountId ? { accountId } : {}),
      };
    },
    async refresh(creds): Promise<CrmCredentials> {
      const accountsServer = checkVendorUrl(
        app,
        creds.accountsServer ?? accountsBase(),
        ACCOUNTS_HOST,
        'Zoho accounts-server',
      );
      // Zoho documents the refresh with its parameters in the query string (§9.3).
      const body = await tokenRequest(app, {
        url: `${accountsServer}/oauth/v2/token`,
        query: {
          refresh_token: creds.refreshToken ?? '',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          grant_type: 'refresh_token',
        },
        refusedAs: 'auth_revoked',
        label: 'Zoho token refresh',
      });
      const apiBase = apiDomain(body, creds.apiBase);
      return {
        ...creds,
        accessToken: stringField(body, 'access_token', 'Zoho token'),
        ...expiresAtOf(body),
        ...(apiBase ? { apiBase } : {}),
        accountsServer,
      };
    },
    async revoke(creds) {
      if (!creds.refreshToken) return;
      const accountsServer = checkVendorUrl(
        app,
        creds.accountsServer ?? accountsBase(),
        ACCOUNTS_HOST,
        'Zoho accounts-server',
      );
      const url = new URL(`${accountsServer}/oauth/v2/token/revoke`);
      url.searchParams.set('token', creds.refreshToken);
      await revokeRequest(app, { method: 'POST', url, label: 'Zoho revoke', secrets: [creds.refreshToken] });
    },
  };
}
