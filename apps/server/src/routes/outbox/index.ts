import { OutboxPage, PageQuery } from '@replyforce/contracts';
import { type CoreDeps, listOutbox } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

export function outboxRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { access: 'read:outbox' },
        schema: {
          tags: ['mail'],
          summary:
            'Mails this workspace sent (the local mailbox; SMTP delivery arrives with the email channel)',
          security: [{ bearer: [] }],
          querystring: PageQuery,
          response: { 200: OutboxPage, ...errorResponses },
        },
      },
      async (request) => listOutbox(deps, actorOf(request).tenantId, request.query),
    );
  };
}
