import { AuditLogPage, PageQuery } from '@replyforce/contracts';
import { type CoreDeps, listAuditLogs } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

export function auditRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { access: 'read:audit_logs' },
        schema: {
          tags: ['audit'],
          summary: 'The workspace audit log, newest first (keyset-paginated)',
          security: [{ bearer: [] }],
          querystring: PageQuery,
          response: { 200: AuditLogPage, ...errorResponses },
        },
      },
      async (request) => listAuditLogs(deps, actorOf(request).tenantId, request.query),
    );
  };
}
