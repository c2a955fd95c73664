import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formValue } from '../../web/form-body.ts';
import { registerConsent } from '../consent.ts';
import { type CrmContext, publicBase } from '../context.ts';
import { exchangeCode, refreshGrant, revokeToken } from '../oauth.ts';
import { dcOf, ZOHO_DCS, type ZohoDc } from './dc.ts';

/** Zoho takes token parameters in the query string or a form body alike. */
function param(req: FastifyRequest, key: string): string | undefined {
  return (req.query as Record<string, string | undefined>)[key] ?? formValue(req.body, key);
}

/**
 * accounts.zoho.<dc>/oauth/v2/{auth,token,token/revoke} for every data centre (§9.3). Whichever
 * server the person signs in at, the redirect names the org's own: `location` and `accounts-server`,
 * and only that server exchanges the code. Token errors come back as HTTP 200 `{"error": …}`.
 */
export function registerZohoOauth(app: FastifyInstance, c: CrmContext): void {
  const orgDc = (accountId: string): ZohoDc => dcOf(c.store.account('zoho', accountId)?.dc);
  for (const [dc, hosts] of Object.entries(ZOHO_DCS) as [ZohoDc, (typeof ZOHO_DCS)[ZohoDc]][]) {
    const root = `/${hosts.accounts}/oauth/v2`;
    registerConsent(app, c, {
      vendor: 'zoho',
      path: `${root}/auth`,
      action: 'auth',
      required: { response_type: (v) => v === 'code', scope: (v) => Boolean(v?.trim()) },
      accountsHost: (accountId) => ZOHO_DCS[orgDc(accountId)].accounts,
      redirectExtras: (accountId, base) => ({
        location: orgDc(accountId),
        'accounts-server': `${base}/${ZOHO_DCS[orgDc(accountId)].accounts}`,
      }),
    });

    app.post(`${root}/token`, async (req) => {
      const grantType = param(req, 'grant_type');
      const client = { clientId: param(req, 'client_id'), clientSecret: param(req, 'client_secret') };
      const result =
        grantType === 'authorization_code'
          ? exchangeCode(c, 'zoho', {
              ...client,
              code: param(req, 'code'),
              redirectUri: param(req, 'redirect_uri'),
              accountsHost: hosts.accounts,
            })
          : grantType === 'refresh_token'
            ? refreshGrant(c, 'zoho', { ...client, refreshToken: param(req, 'refresh_token') })
            : ({ ok: false, error: 'invalid_request', description: 'unsupported grant_type' } as const);
      // A refresh token only works at its own data centre's accounts server.
      if (!result.ok || dcOf(result.account.dc) !== dc)
        return {
          error:
            !result.ok && result.error === 'invalid_client'
              ? 'invalid_client'
              : !result.ok && result.error === 'invalid_request'
                ? 'unsupported_grant_type'
                : 'invalid_code',
        };
      return {
        access_token: result.accessToken,
        ...(grantType === 'authorization_code' ? { refresh_token: result.refreshToken } : {}),
        scope: result.scope,
        api_domain: `${publicBase(req, app)}/${hosts.api}`,
        token_type: 'Bearer',
        expires_in: result.expiresIn,
      };
    });

    app.post(`${root}/token/revoke`, async (req, reply) => {
      if (!revokeToken(c, 'zoho', param(req, 'token')))
        return reply.status(400).send({ status: 'failure', error: 'invalid_token' });
      return { status: 'success' };
    });
  }
}
