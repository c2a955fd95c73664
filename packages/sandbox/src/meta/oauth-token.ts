import type { FastifyInstance } from 'fastify';
import { SANDBOX_USER } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { checkToken, issueToken, META_USER_TTL_MS } from '../core/credentials.ts';
import { GraphError, graphError } from './errors.ts';
import { graphParams, isAppToken, rawToken, requireString } from './request.ts';
import { granularScopes, META_SCOPES } from './scopes.ts';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Code exchange and debug_token: the server side of Facebook Login. */
export function registerMetaTokenRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // Graph takes the exchange as GET or POST alike.
  app.route({
    method: ['GET', 'POST'],
    url: '/:v/oauth/access_token',
    handler: async (req) => {
      const p = graphParams(req);
      if (requireString(p, 'client_id') !== ctx.opts.metaAppId)
        throw new GraphError(101, 'Error validating application. Invalid application ID.');
      if (requireString(p, 'client_secret') !== ctx.opts.metaAppSecret)
        throw new GraphError(1, 'Error validating client secret.');
      const redirectUri = requireString(p, 'redirect_uri');
      const record = ctx.codes.find(requireString(p, 'code'));
      if (!record || record.platform === 'x') throw new GraphError(100, 'Invalid verification code format.');
      if (record.usedAt !== undefined)
        throw new GraphError(100, 'This authorization code has been used.', { subcode: 36009 });
      if (record.redirectUri !== redirectUri)
        throw new GraphError(
          100,
          'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
          { subcode: 36008 },
        );
      record.usedAt = ctx.now();
      return {
        access_token: issueToken(ctx, record.platform, 'user', record.accountIds, META_USER_TTL_MS),
        token_type: 'bearer',
        expires_in: seconds(META_USER_TTL_MS),
      };
    },
  });

  app.get('/:v/debug_token', async (req) => {
    const caller = rawToken(req);
    if (!caller) throw graphError.noToken();
    if (!isAppToken(ctx, caller) && !checkToken(ctx, caller).ok) throw graphError.invalidToken();
    const input = requireString(graphParams(req), 'input_token');
    const check = checkToken(ctx, input);
    if (!check.ok || check.claims.platform === 'x') {
      const subcode =
        !check.ok && check.reason === 'expired'
          ? 463
          : !check.ok && check.reason === 'revoked'
            ? 458
            : undefined;
      return {
        data: {
          error: { code: 190, message: 'Invalid OAuth access token.', ...(subcode ? { subcode } : {}) },
          is_valid: false,
          scopes: [],
        },
      };
    }
    const { claims } = check;
    const platform = claims.platform as keyof typeof META_SCOPES;
    const ids = claims.subjects.map((s) => s.id);
    return {
      data: {
        app_id: ctx.opts.metaAppId,
        type: claims.kind === 'page' ? 'PAGE' : 'USER',
        application: 'ReplyForce',
        data_access_expires_at: seconds(claims.issuedAt) + 90 * 86_400,
        expires_at: claims.expiresAt !== undefined ? seconds(claims.expiresAt) : 0,
        is_valid: true,
        issued_at: seconds(claims.issuedAt),
        ...(claims.kind === 'page' ? { profile_id: ids[0] } : {}),
        scopes: [...META_SCOPES[platform], 'public_profile'],
        granular_scopes: granularScopes(platform, ids),
        user_id: SANDBOX_USER.id,
      },
    };
  });
}
