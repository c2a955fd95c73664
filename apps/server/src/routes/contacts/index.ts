import { ContactDetailDto, ContactPage, ContactQuery, IdParams } from '@replyforce/contracts';
import { type CoreDeps, eraseContact, getContact, listContacts } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['contacts'], security: [{ bearer: [] }] };

export function contactRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'Contacts, most recently seen first (keyset-paginated, searchable)',
          querystring: ContactQuery,
          response: { 200: ContactPage, ...errorResponses },
        },
      },
      async (request) => listContacts(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/:id',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...secured,
          summary: 'A contact and its conversations',
          params: IdParams,
          response: { 200: ContactDetailDto, ...errorResponses },
        },
      },
      async (request) => getContact(deps, actorOf(request).tenantId, request.params.id),
    );

    app.delete(
      '/:id',
      {
        config: { access: 'delete:data' },
        schema: {
          ...secured,
          summary:
            'Erase a contact (GDPR): its conversations, messages and lead are deleted and its CRM records deleted or anonymised; audited',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await eraseContact(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
