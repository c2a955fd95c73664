/**
 * An X account: DMs and replies to mentions, through OAuth 2 with PKCE (user tokens expire after
 * two hours; refresh tokens rotate) and the Account Activity webhook this deployment registered.
 */
import { z } from 'zod';
import { ConnectorError } from '../../errors.ts';
import { readAnswer } from '../../http.ts';
import { ignoreGone } from '../ignore-gone.ts';
import type { AccountCredentials, ChannelConnector, ConnectorContext } from '../types.ts';
import { sendX } from './send.ts';
import { createXApi, type XApi } from './x-api.ts';

const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'dm.read', 'dm.write', 'offline.access'];

const TokenAnswer = z.looseObject({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
});
const Me = z.looseObject({ data: z.looseObject({ id: z.string(), name: z.string(), username: z.string() }) });

export function createXConnector(ctx: ConnectorContext): ChannelConnector {
  const api = createXApi(ctx);
  const webhookId = ctx.app.xWebhookId;
  return {
    platform: 'x',

    authorizeUrl(p) {
      const url = new URL(`${ctx.endpoints.xWebUrl.replace(/\/+$/, '')}/i/oauth2/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: ctx.app.xClientId,
        redirect_uri: p.redirectUri,
        scope: X_SCOPES.join(' '),
        state: p.state,
        code_challenge: p.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },

    async exchangeCode(p) {
      const credentials = await requestToken(api, {
        grant_type: 'authorization_code',
        code: p.code,
        redirect_uri: p.redirectUri,
        code_verifier: p.codeVerifier,
        client_id: ctx.app.xClientId,
      });
      const me = readAnswer(Me, await getMe(api, credentials.accessToken), 'X users/me').data;
      return [
        { platform: 'x', accountId: me.id, name: me.name, username: me.username, extra: {}, credentials },
      ];
    },

    async refreshCredentials(account) {
      const refreshToken = account.credentials.refreshToken;
      if (!refreshToken) throw new ConnectorError('auth_revoked', 'X account has no refresh token');
      try {
        return await requestToken(api, { grant_type: 'refresh_token', refresh_token: refreshToken });
      } catch (err) {
        // A used or revoked refresh token: only the person can reconnect.
        if (err instanceof ConnectorError && err.platformCode === 'invalid_grant') {
          throw new ConnectorError('auth_revoked', err.message, { platformCode: 'invalid_grant' });
        }
        throw err;
      }
    },

    async subscribe(account) {
      await api({
        method: 'POST',
        path: ['2', 'account_activity', 'webhooks', webhookId, 'subscriptions', 'all'],
        token: account.credentials.accessToken,
      });
    },

    async disconnect(account) {
      const { accessToken, refreshToken } = account.credentials;
      await ignoreGone(
        api({
          method: 'DELETE',
          path: ['2', 'account_activity', 'webhooks', webhookId, 'subscriptions', account.accountId, 'all'],
          token: accessToken,
        }),
      );
      // Revoking both: the refresh token would otherwise mint new access tokens for two more months.
      for (const token of refreshToken ? [accessToken, refreshToken] : [accessToken]) {
        await ignoreGone(
          api({
            method: 'POST',
            path: ['2', 'oauth2', 'revoke'],
            basicAuth: true,
            form: { token },
            secrets: [token],
          }),
        );
      }
    },

    async checkHealth(account) {
      await getMe(api, account.credentials.accessToken);
    },

    send: (account, request) => sendX(api, account, request),
  };
}

async function requestToken(api: XApi, form: Record<string, string>): Promise<AccountCredentials> {
  const body = await api({
    method: 'POST',
    path: ['2', 'oauth2', 'token'],
    basicAuth: true,
    form,
    secrets: Object.values(form),
  });
  const t = readAnswer(TokenAnswer, body, 'X oauth2/token');
  return {
    accessToken: t.access_token,
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    ...(t.expires_in ? { expiresAt: Date.now() + t.expires_in * 1000 } : {}),
  };
}

function getMe(api: XApi, token: string): Promise<unknown> {
  return api({ method: 'GET', path: ['2', 'users', 'me'], token });
}
