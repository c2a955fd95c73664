import type { FastifyInstance } from 'fastify';
import { formValue } from '../../web/form-body.ts';
import { registerConsent } from '../consent.ts';
import { type CrmContext, publicBase } from '../context.ts';
import { exchangeCode, refreshGrant, revokeToken } from '../oauth.ts';

const LOGIN = '/login.salesforce.com';

/** login.salesforce.com/services/oauth2/{authorize,token,revoke}: the web-server flow of §8.4. */
export function registerSalesforceOauth(app: FastifyInstance, c: CrmContext): void {
  registerConsent(app, c, {
    vendor: 'salesforce',
    path: `${LOGIN}/services/oauth2/authorize`,
    action: 'authorize',
    required: { response_type: (v) => v === 'code' },
  });

  app.post(`${LOGIN}/services/oauth2/token`, async (req, reply) => {
    const f = (k: string) => formValue(req.body, k);
    const grantType = f('grant_type');
    const client = { clientId: f('client_id'), clientSecret: f('client_secret') };
    const result =
      grantType === 'authorization_code'
        ? exchangeCode(c, 'salesforce', { ...client, code: f('code'), redirectUri: f('redirect_uri') })
        : grantType === 'refresh_token'
          ? refreshGrant(c, 'salesforce', { ...client, refreshToken: f('refresh_token') })
          : ({ ok: false, error: 'invalid_request', description: 'grant type not supported' } as const);
    if (!result.ok) {
      const body =
        result.error === 'invalid_client'
          ? { error: 'invalid_client', error_description: 'invalid client credentials' }
          : result.error === 'invalid_request'
            ? { error: 'unsupported_grant_type', error_description: result.description }
            : result.description.includes('redirect_uri')
              ? { error: 'redirect_uri_mismatch', error_description: 'redirect_uri must match configuration' }
              : {
                  error: 'invalid_grant',
                  error_description:
                    grantType === 'refresh_token' ? 'expired access/refresh token' : 'authentication failure',
                };
      return reply.status(400).send(body);
    }
    const base = publicBase(req, app);
    const user = result.account.owners[0]?.id ?? '005000000000000AAA';
    return {
      access_token: result.accessToken,
      ...(grantType === 'authorization_code' ? { refresh_token: result.refreshToken } : {}),
      signature: 'c2FuZGJveA==',
      scope: result.scope || 'api refresh_token',
      instance_url: `${base}/${result.account.host}`,
      id: `${base}${LOGIN}/id/${result.account.id}/${user}`,
      token_type: 'Bearer',
      issued_at: String(result.claims.issuedAt),
    };
  });

  app.post(`${LOGIN}/services/oauth2/revoke`, async (req, reply) => {
    if (!revokeToken(c, 'salesforce', formValue(req.body, 'token')))
      return reply
        .status(400)
        .send({ error: 'unsupported_token_type', error_description: 'this token type is not supported' });
    return reply.status(200).send();
  });
}
