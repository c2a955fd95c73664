import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import type { CoreDeps } from '@replyforce/core';
import { AppError, authenticate } from '@replyforce/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino, { type DestinationStream } from 'pino';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling, sendError, toAppError } from './plugins/errors.ts';
import { loggerOptions } from './plugins/logger.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { realtimePlugin } from './plugins/realtime.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { isDashboardRoute, registerStaticWeb } from './plugins/static-web.ts';
import { analyticsRoutes } from './routes/analytics/index.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { channelRoutes } from './routes/channels/index.ts';
import { contactRoutes } from './routes/contacts/index.ts';
import { conversationRoutes } from './routes/conversations/index.ts';
import { hubspotWebhookRoutes } from './routes/crm/hubspot-webhook.ts';
import { crmRoutes } from './routes/crm/index.ts';
import { deadLetterRoutes } from './routes/dead-letters/index.ts';
import { knowledgeRoutes } from './routes/knowledge/index.ts';
import { leadRoutes } from './routes/leads/index.ts';
import { opsRoutes } from './routes/ops/index.ts';
import { outboxRoutes } from './routes/outbox/index.ts';
import { replyRoutes } from './routes/replies/index.ts';
import { securitySettingsRoutes } from './routes/security-settings.ts';
import { draftRoutes, settingsRoutes } from './routes/settings/index.ts';
import { teamRoutes } from './routes/team/index.ts';
import { invitationRoutes } from './routes/team/invitations-public.ts';
import { webhookRoutes } from './webhooks/index.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export type BuildAppOptions = {
  /** false silences logs (tests); otherwise pino JSON at config.logLevel. */
  logger?: boolean;
  /** Where the built dashboard lives; it is served when present. */
  webDist?: string;
  /** Write the JSON logs here instead of stdout (tests read them). */
  logStream?: DestinationStream;
  /** The platform stand-ins, mounted at /sandbox (demo and tests). */
  sandbox?: { plugin: FastifyPluginAsync };
};

/** The HTTP application, without listening: tests drive it with app.inject(). */
export async function buildApp(deps: CoreDeps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const logging = opts.logStream
    ? {
        loggerInstance: pino(
          loggerOptions(deps.config.logLevel) as pino.LoggerOptions,
          opts.logStream,
        ) as FastifyBaseLogger,
      }
    : { logger: opts.logger === false ? false : loggerOptions(deps.config.logLevel) };
  const app = Fastify({
    ...logging,
    bodyLimit: deps.config.http.bodyLimitBytes,
    trustProxy: deps.config.http.trustProxy,
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    // Invitation tokens (signed JWTs) travel as a path parameter.
    routerOptions: { maxParamLength: 2048 },
    // Bad URLs and the like are answered in the uniform error shape too.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, toAppError(error));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  const metrics = registerMetrics(app, deps);
  await app.register(cookie);
  await registerOpenApi(app);
  registerAuth(app, deps);

  await app.register(opsRoutes(deps));
  await app.register(authRoutes(deps), { prefix: '/api/v1/auth' });
  await app.register(invitationRoutes(deps), { prefix: '/api/v1/invitations' });
  await app.register(teamRoutes(deps), { prefix: '/api/v1/team' });
  await app.register(auditRoutes(deps), { prefix: '/api/v1/audit-logs' });
  await app.register(outboxRoutes(deps), { prefix: '/api/v1/outbox' });
  await app.register(channelRoutes(deps), { prefix: '/api/v1/channels' });
  await app.register(conversationRoutes(deps), { prefix: '/api/v1/conversations' });
  await app.register(replyRoutes(deps), { prefix: '/api/v1/conversations' });
  await app.register(contactRoutes(deps), { prefix: '/api/v1/contacts' });
  await app.register(leadRoutes(deps), { prefix: '/api/v1/leads' });
  await app.register(knowledgeRoutes(deps), { prefix: '/api/v1' });
  await app.register(settingsRoutes(deps), { prefix: '/api/v1/settings' });
  await app.register(securitySettingsRoutes(deps), { prefix: '/api/v1/settings' });
  await app.register(draftRoutes(deps), { prefix: '/api/v1/conversations' });
  await app.register(deadLetterRoutes(deps), { prefix: '/api/v1' });
  await app.register(crmRoutes(deps), { prefix: '/api/v1/crm' });
  await app.register(analyticsRoutes(deps), { prefix: '/api/v1/analytics' });
  await app.register(hubspotWebhookRoutes(deps), { prefix: '/webhooks/crm' });
  await app.register(webhookRoutes(deps, metrics), { prefix: '/webhooks' });
  await app.register(realtimePlugin, {
    bus: deps.bus,
    authenticate: async (bearer) => {
      const actor = await authenticate(deps, bearer, undefined);
      // An enrolment-limited session (MFA required of admins) sees no workspace data live either.
      // FORBIDDEN, the code the socket treats as a refusal (any other means "could not check").
      if (actor.mfaEnrolmentRequired)
        throw new AppError('FORBIDDEN', 'Enrol in two-factor sign-in first (required of admins here)');
      return { tenantId: actor.tenantId, userId: actor.userId };
    },
  });
  if (opts.sandbox) await app.register(opts.sandbox.plugin, { prefix: '/sandbox' });

  const serving = await registerStaticWeb(app, opts.webDist ?? DEFAULT_WEB_DIST);
  app.setNotFoundHandler((request, reply) => {
    if (serving && isDashboardRoute(request.method, request.url, request.headers.accept)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(
      reply,
      new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
    );
  });
  return app;
}
