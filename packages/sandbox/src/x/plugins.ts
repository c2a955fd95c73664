import type { FastifyError, FastifyInstance } from 'fastify';
import { findAccount } from '../accounts.ts';
import { takeFault } from '../core/apply-fault.ts';
import type { SandboxContext } from '../core/context.ts';
import { renderErrorPage } from '../web/consent-page.ts';
import { peekXUser, xUser } from './auth.ts';
import { sendXOAuthError, sendXProblem, XOAuthError, XProblem, xProblem } from './errors.ts';
import { consume, exhaustedHeaders, peekHeaders } from './limits.ts';
import { registerXAuthorize, registerXToken } from './oauth.ts';
import { registerXSends } from './send.ts';
import { registerXWebhooks } from './webhooks.ts';

/** The X API under /x/api: problem JSON errors and x-rate-limit-* headers on every answer. */
export function xApiPlugin(ctx: SandboxContext) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof XProblem) return sendXProblem(reply, err);
      if (err instanceof XOAuthError) return sendXOAuthError(reply, err);
      if (err.statusCode !== undefined && err.statusCode < 500)
        return sendXProblem(reply, xProblem.invalid(err.message));
      return sendXProblem(reply, new XProblem(500, 'Internal Server Error', 'Internal Server Error'));
    });
    app.setNotFoundHandler((req, reply) =>
      sendXProblem(reply, xProblem.notFound(`No route ${req.method} ${req.url.split('?')[0]}`)),
    );
    app.addHook('onRequest', async (_req, reply) => {
      const fault = await takeFault(ctx, 'x');
      if (fault === 'error_5xx') throw xProblem.unavailable();
      if (fault === 'timeout') throw xProblem.timeout();
      if (fault === 'rate_limit') {
        exhaustedHeaders(ctx, reply);
        throw xProblem.tooMany();
      }
    });
    app.addHook('onSend', async (req, reply) => {
      if (!reply.hasHeader('x-rate-limit-limit'))
        peekHeaders(ctx, reply, 'other', peekXUser(ctx, req) ?? 'app');
    });

    app.get('/2/users/me', async (req, reply) => {
      const userId = xUser(ctx, req);
      consume(ctx, reply, 'other', userId);
      const account = findAccount('x', userId);
      if (!account) throw xProblem.unauthorized();
      return { data: { id: account.accountId, name: account.name, username: account.username } };
    });
    registerXToken(app, ctx);
    registerXWebhooks(app, ctx);
    registerXSends(app, ctx);
  };
}

/** The x.com pages under /x/web: the OAuth 2 authorize page. */
export function xWebPlugin(ctx: SandboxContext) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) =>
      reply
        .status(err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage('X', 'Something went wrong', err.message)),
    );
    registerXAuthorize(app, ctx);
  };
}
