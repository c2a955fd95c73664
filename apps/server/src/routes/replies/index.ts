import { IdParams, MessageDto, ReplyBody } from '@replyforce/contracts';
import { type CoreDeps, replyAsAgent } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

/** POST /api/v1/conversations/:id/messages — an agent's reply, sent through the outbound queue. */
export function replyRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/:id/messages',
      {
        config: { access: 'write:conversations' },
        schema: {
          tags: ['conversations'],
          summary:
            'Reply by hand (text, a WhatsApp template, or a public / private answer to a comment). 202: queued for sending',
          security: [{ bearer: [] }],
          params: IdParams,
          body: ReplyBody,
          response: { 202: MessageDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const message = await replyAsAgent(deps, actorOf(request), request.params.id, request.body);
        return reply.status(202).send(message);
      },
    );
  };
}
