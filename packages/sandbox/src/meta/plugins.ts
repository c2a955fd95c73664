import type { FastifyError, FastifyInstance } from 'fastify';
import { takeFault } from '../core/apply-fault.ts';
import type { SandboxContext } from '../core/context.ts';
import { renderErrorPage } from '../web/consent-page.ts';
import { registerCommentReplies } from './comment-replies.ts';
import { GraphError, graphError, sendGraphError } from './errors.ts';
import { registerMessages } from './messages.ts';
import { registerMetaDialog } from './oauth-dialog.ts';
import { registerMetaTokenRoutes } from './oauth-token.ts';
import { registerMetaObjectRoutes } from './objects.ts';
import { platformOf } from './request.ts';
import { registerSubscribedApps } from './subscribed-apps.ts';
import { registerWhatsAppAccountRoutes } from './whatsapp-account.ts';

const versionNumber = (v: string) => {
  const m = /^v(\d+)\.(\d+)$/.exec(v);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : undefined;
};

/** The sandbox is Graph at `graphVersion`: it serves that version and older ones, not versions yet to come. */
function isServedVersion(v: string, current: string): boolean {
  const asked = versionNumber(v);
  const latest = versionNumber(current) ?? Number.POSITIVE_INFINITY;
  return asked !== undefined && asked <= latest;
}

/** The Graph API under /meta/graph: every answer, errors included, in Graph's own shape. */
export function graphPlugin(ctx: SandboxContext) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof GraphError) return sendGraphError(reply, err);
      if (err.statusCode !== undefined && err.statusCode < 500)
        return sendGraphError(reply, graphError.param(err.message));
      return sendGraphError(reply, new GraphError(1, 'An unknown error has occurred.', { status: 500 }));
    });
    app.setNotFoundHandler((req, reply) =>
      sendGraphError(reply, new GraphError(2500, `Unknown path components: ${req.url.split('?')[0]}`)),
    );
    app.addHook('preHandler', async (req) => {
      const { v } = req.params as { v?: string };
      if (v !== undefined && !isServedVersion(v, ctx.opts.graphVersion))
        throw new GraphError(2500, `Unknown path components: /${v}`);
      const platform = platformOf(ctx, req);
      const fault = await takeFault(ctx, platform);
      if (fault === 'error_5xx') throw graphError.unavailable();
      if (fault === 'timeout') throw graphError.timeout();
      if (fault === 'rate_limit')
        throw platform === 'whatsapp'
          ? new GraphError(130429, '(#130429) Rate limit hit', {
              errorData: {
                messaging_product: 'whatsapp',
                details: 'Cloud API message throughput has been reached.',
              },
            })
          : graphError.rateLimited();
    });
    registerMetaTokenRoutes(app, ctx);
    registerMetaObjectRoutes(app, ctx);
    registerSubscribedApps(app, ctx);
    registerMessages(app, ctx);
    registerCommentReplies(app, ctx);
    registerWhatsAppAccountRoutes(app, ctx);
  };
}

/** The Facebook web pages under /meta/web: the OAuth dialog. */
export function facebookWebPlugin(ctx: SandboxContext) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) =>
      reply
        .status(err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500)
        .type('text/html; charset=utf-8')
        .send(renderErrorPage('Facebook', 'Something went wrong', err.message)),
    );
    registerMetaDialog(app, ctx);
  };
}
