/**
 * HubSpot OAuth (§7.5) and private-app tokens, over plain HTTP: connecting runs in the API process.
 * Authorise at app.hubspot.com, trade the code at api.hubapi.com/oauth/v1/token, read the hub id
 * from the token's metadata; refresh on `expires_in` (a 401 is not proof of expiry).
 */
import { vendorBase } from '../shared/hosts.ts';
import { expiresAtOf, identityRequest, revokeRequest, stringField, tokenRequest } from '../shared/oauth.ts';
import type { CrmAppConfig, CrmAuth, CrmCredentials } from '../types.ts';

/** Contacts read/write, and schema write to create the key property and custom properties. */
export const HUBSPOT_SCOPES = [
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
];

export function createHubspotAuth(app: CrmAppConfig): CrmAuth {
  const api = vendorBase(app, 'api.hubapi.com');
  const hubId = async (token: string): Promise<string> => {
    const info = await identityRequest(
      app,
      `${api}/oauth/v1/access-tokens/${encodeURIComponent(token)}`,
      {},
      'HubSpot token info',
      [token],
    );
    return String(info.hub_id ?? '');
  };
  const credentials = (body: Record<string, unknown>, previous?: CrmCredentials): CrmCredentials => {
    const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : previous?.refreshToken;
    return {
      accessToken: stringField(body, 'access_token', 'HubSpot token'),
      ...(refreshToken ? { refreshToken } : {}),
      ...expiresAtOf(body),
      ...(previous?.accountId ? { accountId: previous.accountId } : {}),
    };
  };
  return {
    vendor: 'hubspot',
    authorizeUrl({ redirectUri, state }) {
      const q = new URLSearchParams({
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope: HUBSPOT_SCOPES.join(' '),
        state,
      });
      // HubSpot documents scopes separated by %20, not '+'.
      return `${vendorBase(app, 'app.hubspot.com')}/oauth/authorize?${q.toString().replace(/\+/g, '%20')}`;
    },
    async exchangeCode({ code, redirectUri }) {
      const body = await tokenRequest(app, {
        url: `${api}/oauth/v1/token`,
        form: {
          grant_type: 'authorization_code',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          redirect_uri: redirectUri,
          code,
        },
        refusedAs: 'permanent',
        label: 'HubSpot code exchange',
      });
      const creds = credentials(body);
      return { ...creds, accountId: await hubId(creds.accessToken) };
    },
    async refresh(creds) {
      const body = await tokenRequest(app, {
        url: `${api}/oauth/v1/token`,
        form: {
          grant_type: 'refresh_token',
          client_id: app.clientId,
          client_secret: app.clientSecret,
          refresh_token: creds.refreshToken ?? '',
        },
        refusedAs: 'auth_revoked',
        label: 'HubSpot token refresh',
      });
      return credentials(body, creds);
    },
    async fromApiToken(token) {
      const info = await identityRequest(
        app,
        `${api}/account-info/v3/details`,
        { authorization: `Bearer ${token}` },
        'HubSpot account info',
        [token],
      );
      return { accessToken: token, accountId: String(info.portalId ?? '') };
    },
    async revoke(creds) {
      if (!creds.refreshToken) return;
      await revokeRequest(app, {
        method: 'DELETE',
        url: new URL(`${api}/oauth/v1/refresh-tokens/${encodeURIComponent(creds.refreshToken)}`),
        label: 'HubSpot revoke',
        secrets: [creds.refreshToken],
      });
    },
  };
}
