import type { FastifyInstance } from 'fastify';
import { formValue } from '../../web/form-body.ts';
import { registerConsent } from '../consent.ts';
import { type CrmContext, publicBase } from '../context.ts';
import { exchangeCode, refreshGrant, revokeToken } from '../oauth.ts';

const OAUTH = '/oauth.pipedrive.com/oauth';

/** HTTP Basic `client_id:client_secret`, how Pipedrive's token endpoint authenticates the app. */
function basicClient(header: string | undefined): { clientId?: string; clientSecret?: string } {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m?.[1]) return {};
  const [clientId, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
  return { ...(clientId ? { clientId } : {}), clientSecret: rest.join(':') };
}

/** oauth.pipedrive.com/oauth/{authorize,token,revoke} (§10); tokens then work at the company's api_domain. */
export function registerPipedriveOauth(app: FastifyInstance, c: CrmContext): void {
  registerConsent(app, c, { vendor: 'pipedrive', path: `${OAUTH}/authorize`, action: 'authorize' });

  app.post(`${OAUTH}/token`, async (req, reply) => {
    const f = (k: string) => formValue(req.body, k);
    const client = basicClient(req.headers.authorization);
    const grantType = f('grant_type');
    const result =
      grantType === 'authorization_code'
        ? exchangeCode(c, 'pipedrive', { ...client, code: f('code'), redirectUri: f('redirect_uri') })
        : grantType === 'refresh_token'
          ? refreshGrant(c, 'pipedrive', { ...client, refreshToken: f('refresh_token') })
          : ({ ok: false, error: 'invalid_request', description: 'unsupported grant_type' } as const);
    if (!result.ok)
      return reply
        .status(result.error === 'invalid_client' ? 401 : 400)
        .send({ success: false, message: result.description, error: result.error });
    return {
      access_token: result.accessToken,
      token_type: 'Bearer',
      refresh_token: result.refreshToken,
      scope: result.scope || 'base,contacts:full',
      expires_in: result.expiresIn,
      api_domain: `${publicBase(req, app)}/${result.account.host}`,
    };
  });

  app.post(`${OAUTH}/revoke`, async (req, reply) => {
    const client = basicClient(req.headers.authorization);
    if (
      client.clientId !== c.opts.apps.pipedrive.clientId ||
      client.clientSecret !== c.opts.apps.pipedrive.clientSecret
    )
      return reply.status(401).send({ success: false, message: 'Invalid client', error: 'invalid_client' });
    if (!revokeToken(c, 'pipedrive', formValue(req.body, 'token')))
      return reply.status(400).send({ success: false, message: 'Invalid token', error: 'invalid_request' });
    return reply.status(200).send();
  });
}
