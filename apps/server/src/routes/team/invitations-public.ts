import {
  AcceptInvitationBody,
  InvitationPreviewDto,
  InvitationTokenParams,
  SessionDto,
} from '@replyforce/contracts';
import { acceptInvitation, type CoreDeps, previewInvitation } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setRefreshCookie } from '../auth/refresh-cookie.ts';
import { errorResponses } from '../schemas.ts';

/** The invitation link's two calls; the signed token is the only credential. */
export function invitationRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['team'],
          summary: 'What an invitation link offers',
          params: InvitationTokenParams,
          response: { 200: InvitationPreviewDto, ...errorResponses },
        },
      },
      async (request) => previewInvitation(deps, request.params.token),
    );

    app.post(
      '/accept',
      {
        config: { access: 'public' },
        schema: {
          tags: ['team'],
          summary: 'Accept an invitation (creating the account if needed) and sign in',
          body: AcceptInvitationBody,
          response: { 200: SessionDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const issued = await acceptInvitation(deps, request.body, { ip: request.ip });
        setRefreshCookie(deps, reply, issued);
        return issued.session;
      },
    );
  };
}
