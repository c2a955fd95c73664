import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { accountsOf, findAccount } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { checkToken, issueToken, issueXTokens } from '../core/credentials.ts';
import { isHttpUrl, redirectWith, renderConsentPage, renderErrorPage } from '../web/consent-page.ts';
import { formValue } from '../web/form-body.ts';
import { basicClient } from './auth.ts';
import { XOAuthError } from './errors.ts';

const DEFAULT_SCOPE = 'tweet.read tweet.write users.read dm.read dm.write offline.access';

type AuthorizeParams = Record<string, string | undefined>;

/** GET/POST {XWEB}/i/oauth2/authorize: the consent page, OAuth 2 with PKCE. */
export function registerXAuthorize(app: FastifyInstance, ctx: SandboxContext): void {
  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).type('text/html; charset=utf-8').send(html);

  const validate = (p: AuthorizeParams) => {
    if (p.client_id !== ctx.opts.xClientId)
      return "You weren't able to give access to the App: unknown client_id.";
    if (!isHttpUrl(p.redirect_uri)) return 'The redirect_uri is missing or not an absolute URL.';
    if (p.response_type !== 'code') return 'response_type must be code.';
    if (!p.code_challenge) return 'code_challenge is required (PKCE).';
    if (!['S256', 'plain'].includes(p.code_challenge_method ?? 'plain'))
      return 'code_challenge_method must be S256 or plain.';
    return undefined;
  };

  const fields = [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'code_challenge',
    'code_challenge_method',
  ];

  app.get('/i/oauth2/authorize', async (req, reply) => {
    const p = req.query as AuthorizeParams;
    const problem = validate(p);
    if (problem) return page(reply, 400, renderErrorPage('X', 'Something went wrong', problem));
    return page(
      reply,
      200,
      renderConsentPage({
        platformName: 'X',
        heading: 'ReplyForce wants to access your X account',
        intro: `It will be able to: ${(p.scope ?? DEFAULT_SCOPE).split(' ').join(', ')}.`,
        legend: 'Account to authorise',
        inputType: 'radio',
        options: accountsOf('x').map((a) => ({ value: a.accountId, label: `@${a.username} (${a.name})` })),
        hidden: Object.fromEntries(fields.map((f) => [f, p[f]])),
        action: 'authorize',
      }),
    );
  });

  app.post('/i/oauth2/authorize', async (req, reply) => {
    const p: AuthorizeParams = Object.fromEntries(fields.map((f) => [f, formValue(req.body, f)]));
    const problem = validate(p);
    if (problem || !p.redirect_uri || !p.client_id)
      return page(reply, 400, renderErrorPage('X', 'Something went wrong', problem ?? 'Invalid request'));
    if (formValue(req.body, 'decision') !== 'allow')
      return reply.redirect(redirectWith(p.redirect_uri, { error: 'access_denied', state: p.state }));
    const user = formValue(req.body, 'account');
    if (!user || !findAccount('x', user))
      return page(
        reply,
        400,
        renderErrorPage('X', 'Something went wrong', 'Choose an account to authorise.'),
      );
    const code = ctx.codes.issue({
      platform: 'x',
      accountIds: [user],
      clientId: p.client_id,
      redirectUri: p.redirect_uri,
      scope: p.scope ?? DEFAULT_SCOPE,
      ...(p.code_challenge ? { codeChallenge: p.code_challenge } : {}),
      codeChallengeMethod: p.code_challenge_method ?? 'plain',
    });
    return reply.redirect(redirectWith(p.redirect_uri, { code, state: p.state }));
  });
}

function pkceMatches(verifier: string, challenge: string | undefined, method: string | undefined): boolean {
  if (!challenge) return false;
  const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge;
}

const invalid = (what: string) =>
  new XOAuthError(400, 'invalid_request', `Value passed for the ${what} was invalid.`);

/** POST {XAPI}/2/oauth2/token and /2/oauth2/revoke. */
export function registerXToken(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/2/oauth2/token', async (req) => {
    const body = req.body;
    const client = basicClient(req);
    // ReplyForce is a confidential client: X insists on Basic client authentication.
    if (!client) throw new XOAuthError(401, 'unauthorized_client', 'Missing valid authorization header');
    if (client.id !== ctx.opts.xClientId || client.secret !== ctx.opts.xClientSecret)
      throw new XOAuthError(401, 'unauthorized_client', 'Invalid client credentials');
    const clientId = formValue(body, 'client_id');
    if (clientId !== undefined && clientId !== ctx.opts.xClientId) throw invalid('client id');
    const grant = formValue(body, 'grant_type');

    if (grant === 'authorization_code') {
      const code = formValue(body, 'code');
      const redirectUri = formValue(body, 'redirect_uri');
      const verifier = formValue(body, 'code_verifier');
      for (const [name, v] of [
        ['code', code],
        ['redirect_uri', redirectUri],
        ['code_verifier', verifier],
      ] as const)
        if (!v) throw new XOAuthError(400, 'invalid_request', `Missing required parameter [${name}].`);
      const record = ctx.codes.find(code ?? '');
      if (record?.platform !== 'x' || record.usedAt !== undefined) throw invalid('authorization code');
      if (record.redirectUri !== redirectUri) throw invalid('redirect uri');
      if (!pkceMatches(verifier ?? '', record.codeChallenge, record.codeChallengeMethod))
        throw invalid('code verifier');
      record.usedAt = ctx.now();
      const userId = record.accountIds[0] ?? '';
      const offline = record.scope.split(' ').includes('offline.access');
      return tokenAnswer(issueXTokens(ctx, userId, offline), record.scope);
    }

    if (grant === 'refresh_token') {
      const raw = formValue(body, 'refresh_token');
      if (!raw) throw new XOAuthError(400, 'invalid_request', 'Missing required parameter [refresh_token].');
      const check = checkToken(ctx, raw);
      if (!check.ok || check.claims.platform !== 'x' || check.claims.kind !== 'refresh')
        throw invalid('token');
      // Single use: the refresh token that was just spent stops working.
      if (!ctx.store.useRefreshToken(check.claims.nonce)) throw invalid('token');
      return tokenAnswer(issueXTokens(ctx, check.claims.subjects[0]?.id ?? '', true), DEFAULT_SCOPE);
    }

    if (grant === 'client_credentials')
      return { token_type: 'bearer', access_token: issueToken(ctx, 'x', 'app', ['app']) };

    throw new XOAuthError(
      400,
      'unsupported_grant_type',
      'grant_type must be authorization_code or refresh_token',
    );
  });

  app.post('/2/oauth2/revoke', async (req) => {
    const client = basicClient(req);
    const clientId = client?.id ?? formValue(req.body, 'client_id');
    if (clientId !== ctx.opts.xClientId || (client && client.secret !== ctx.opts.xClientSecret))
      throw new XOAuthError(401, 'unauthorized_client', 'Invalid client credentials');
    const token = formValue(req.body, 'token');
    if (!token) throw new XOAuthError(400, 'invalid_request', 'Missing required parameter [token].');
    const check = checkToken(ctx, token);
    // Revoking one token of a user revokes the app's grant for that user, refresh tokens included.
    if (check.ok && check.claims.platform === 'x' && check.claims.kind !== 'app')
      for (const s of check.claims.subjects) ctx.store.revoke('x', s.id);
    return { revoked: true };
  });
}

function tokenAnswer(grant: { accessToken: string; refreshToken?: string }, scope: string) {
  return {
    token_type: 'bearer',
    expires_in: 7200,
    access_token: grant.accessToken,
    scope,
    ...(grant.refreshToken ? { refresh_token: grant.refreshToken } : {}),
  };
}
