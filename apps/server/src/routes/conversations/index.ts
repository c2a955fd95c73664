import {
  AssignBody,
  ConversationDetailDto,
  ConversationDto,
  ConversationPage,
  ConversationQuery,
  IdParams,
  MessagePage,
  MessagePageQuery,
  StatusBody,
} from '@replyforce/contracts';
import {
  assignConversation,
  type CoreDeps,
  getConversation,
  listConversationMessages,
  listConversations,
  markConversationRead,
  setConversationStatus,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['conversations'], security: [{ bearer: [] }] };

export function conversationRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'The inbox, newest activity first (keyset-paginated, filterable, searchable)',
          querystring: ConversationQuery,
          response: { 200: ConversationPage, ...errorResponses },
        },
      },
      async (request) => listConversations(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/:id',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'A conversation with its newest messages, oldest first',
          params: IdParams,
          response: { 200: ConversationDetailDto, ...errorResponses },
        },
      },
      async (request) => getConversation(deps, actorOf(request).tenantId, request.params.id),
    );

    app.get(
      '/:id/messages',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'Older messages of a thread, page by page (each page oldest first)',
          params: IdParams,
          querystring: MessagePageQuery,
          response: { 200: MessagePage, ...errorResponses },
        },
      },
      async (request) =>
        listConversationMessages(deps, actorOf(request).tenantId, request.params.id, request.query),
    );

    app.patch(
      '/:id/assign',
      {
        config: { access: 'write:conversations' },
        schema: {
          ...secured,
          summary: 'Assign to a teammate who can answer, or unassign (null)',
          params: IdParams,
          body: AssignBody,
          response: { 200: ConversationDto, ...errorResponses },
        },
      },
      async (request) =>
        assignConversation(deps, actorOf(request), {
          conversationId: request.params.id,
          assigneeId: request.body.assigneeId,
        }),
    );

    app.patch(
      '/:id/status',
      {
        config: { access: 'write:conversations' },
        schema: {
          ...secured,
          summary: 'Open (hands a needs_human thread back to the AI), close, snooze or flag for a human',
          params: IdParams,
          body: StatusBody,
          response: { 200: ConversationDto, ...errorResponses },
        },
      },
      async (request) =>
        setConversationStatus(deps, actorOf(request), {
          conversationId: request.params.id,
          status: request.body.status,
          snoozedUntil: request.body.snoozedUntil,
        }),
    );

    app.post(
      '/:id/read',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'Mark the conversation read (unread count back to zero)',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await markConversationRead(deps, actorOf(request).tenantId, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
