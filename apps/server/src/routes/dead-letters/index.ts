import {
  DeadLetterDto,
  DeadLetterPage,
  DeadLetterQuery,
  IdParams,
  QUEUE_NAMES,
  QueueStatsDto,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  deleteDeadLetter,
  getDeadLetter,
  getQueueStats,
  listDeadLetters,
  purgeDeadLetters,
  retryDeadLetter,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['queues'], security: [{ bearer: [] }] };
const Purged = z.object({ purged: z.number().int() });
/** Purging needs the queue named: a bare DELETE must not empty every queue by accident. */
const PurgeQuery = z.strictObject({ queue: z.enum(QUEUE_NAMES) });
const RetryAccepted = z.object({ jobId: z.string() });

/** Registered under /api/v1: the dead letters and the queue overview admins read next to them. */
export function deadLetterRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dead-letters',
      {
        config: { access: 'manage:queues' },
        schema: {
          ...secured,
          summary: 'Jobs that failed for good, most recent first (keyset-paginated)',
          querystring: DeadLetterQuery,
          response: { 200: DeadLetterPage, ...errorResponses },
        },
      },
      async (request) => listDeadLetters(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/dead-letters/:id',
      {
        config: { access: 'manage:queues' },
        schema: { ...secured, params: IdParams, response: { 200: DeadLetterDto, ...errorResponses } },
      },
      async (request) => getDeadLetter(deps, actorOf(request).tenantId, request.params.id),
    );

    app.post(
      '/dead-letters/:id/retry',
      {
        config: { access: 'manage:queues' },
        schema: {
          ...secured,
          summary: 'Run the job again (its message, event or mail is reset first); the dead letter goes',
          params: IdParams,
          response: { 202: RetryAccepted, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await retryDeadLetter(deps, actorOf(request), request.params.id)),
    );

    app.delete(
      '/dead-letters/:id',
      {
        config: { access: 'manage:queues' },
        schema: { ...secured, params: IdParams, response: { 200: Purged, ...errorResponses } },
      },
      async (request) => deleteDeadLetter(deps, actorOf(request), request.params.id),
    );

    app.delete(
      '/dead-letters',
      {
        config: { access: 'manage:queues' },
        schema: {
          ...secured,
          summary: "Purge one queue's dead letters",
          querystring: PurgeQuery,
          response: { 200: Purged, ...errorResponses },
        },
      },
      async (request) => purgeDeadLetters(deps, actorOf(request), request.query.queue),
    );

    app.get(
      '/queues',
      {
        config: { access: 'manage:queues' },
        schema: {
          ...secured,
          summary: "Jobs waiting, running and delayed per queue, with the workspace's dead letters",
          response: { 200: QueueStatsDto, ...errorResponses },
        },
      },
      async (request) => getQueueStats(deps, actorOf(request).tenantId),
    );
  };
}
