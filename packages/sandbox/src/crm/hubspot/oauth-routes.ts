import type { FastifyInstance } from 'fastify';
import { formValue } from '../../web/form-body.ts';
import { registerConsent } from '../consent.ts';
import type { CrmContext } from '../context.ts';
import { checkAccess, exchangeCode, refreshGrant, revokeToken } from '../oauth.ts';
import { hubspotError } from './errors.ts';
import { HUBSPOT_APP_ID } from './spec.ts';

const STATUS = {
  invalid_client: 'BAD_CLIENT_ID',
  invalid_request: 'BAD_GRANT_TYPE',
} as const;

/** app.hubspot.com/oauth/authorize and api.hubapi.com/oauth/v1/* (§7.5). */
export function registerHubspotOauth(app: FastifyInstance, c: CrmContext): void {
  registerConsent(app, c, {
    vendor: 'hubspot',
    path: '/app.hubspot.com/oauth/authorize',
    action: 'authorize',
    required: { scope: (v) => Boolean(v?.trim()) },
  });

  app.post('/api.hubapi.com/oauth/v1/token', async (req, reply) => {
    const f = (k: string) => formValue(req.body, k);
    const grantType = f('grant_type');
    const client = { clientId: f('client_id'), clientSecret: f('client_secret') };
    const result =
      grantType === 'authorization_code'
        ? exchangeCode(c, 'hubspot', { ...client, code: f('code'), redirectUri: f('redirect_uri') })
        : grantType === 'refresh_token'
          ? refreshGrant(c, 'hubspot', { ...client, refreshToken: f('refresh_token') })
          : ({
              ok: false,
              error: 'invalid_request',
              description: 'grant_type must be authorization_code or refresh_token',
            } as const);
    if (!result.ok) {
      const status =
        result.error === 'invalid_grant'
          ? grantType === 'refresh_token'
            ? 'BAD_REFRESH_TOKEN'
            : result.description.includes('redirect_uri')
              ? 'BAD_REDIRECT_URI'
              : 'BAD_AUTH_CODE'
          : STATUS[result.error];
      return reply
        .status(400)
        .send({ status, message: result.description, correlationId: crypto.randomUUID() });
    }
    return {
      token_type: 'bearer',
      refresh_token: result.refreshToken,
      access_token: result.accessToken,
      expires_in: result.expiresIn,
    };
  });

  // Wildcards, not `:token`: tokens are longer than the router's parameter limit.
  app.get('/api.hubapi.com/oauth/v1/access-tokens/*', async (req) => {
    const token = decodeURIComponent((req.params as Record<string, string>)['*'] ?? '');
    const check = checkAccess(c, 'hubspot', token);
    if (!check.ok)
      throw hubspotError(404, 'OBJECT_NOT_FOUND', 'The access token is unknown, expired or revoked');
    return {
      token,
      user: check.account.owners[0]?.email ?? 'admin@acme.example',
      hub_domain: `acme-${check.account.id}.hubspot.com`,
      scopes: check.claims.scope.split(/\s+/).filter(Boolean),
      hub_id: Number(check.account.id),
      app_id: HUBSPOT_APP_ID,
      expires_in: Math.max(0, Math.round(((check.claims.expiresAt ?? 0) - c.now()) / 1000)),
      user_id: Number(check.account.owners[0]?.id ?? 1),
      token_type: 'access',
    };
  });

  app.delete('/api.hubapi.com/oauth/v1/refresh-tokens/*', async (req, reply) => {
    const token = decodeURIComponent((req.params as Record<string, string>)['*'] ?? '');
    if (!revokeToken(c, 'hubspot', token))
      throw hubspotError(404, 'OBJECT_NOT_FOUND', 'The refresh token is unknown');
    return reply.status(204).send();
  });
}
