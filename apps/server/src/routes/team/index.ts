import {
  ChangeRoleBody,
  IdParams,
  InvitationDto,
  InvitationList,
  InviteBody,
  MemberDto,
  MemberList,
  UserIdParams,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['team'], security: [{ bearer: [] }] };

export function teamRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/members',
      {
        config: { access: 'read:team' },
        schema: { ...secured, response: { 200: MemberList, ...errorResponses } },
      },
      async (request) => ({ items: await listMembers(deps, actorOf(request).tenantId) }),
    );

    app.patch(
      '/members/:userId',
      {
        config: { access: 'manage:team' },
        schema: {
          ...secured,
          summary: "Change a member's role (not the owner's; never the last admin's)",
          params: UserIdParams,
          body: ChangeRoleBody,
          response: { 200: MemberDto, ...errorResponses },
        },
      },
      async (request) =>
        changeMemberRole(deps, actorOf(request), { userId: request.params.userId, role: request.body.role }),
    );

    app.delete(
      '/members/:userId',
      {
        config: { access: 'manage:team' },
        schema: { ...secured, params: UserIdParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (request, reply) => {
        await removeMember(deps, actorOf(request), request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/invitations',
      {
        config: { access: 'manage:team' },
        schema: {
          ...secured,
          summary: 'Pending invitations',
          response: { 200: InvitationList, ...errorResponses },
        },
      },
      async (request) => ({ items: await listInvitations(deps, actorOf(request).tenantId) }),
    );

    app.post(
      '/invitations',
      {
        config: { access: 'manage:team' },
        schema: {
          ...secured,
          summary: 'Invite by email; the signed single-use link goes out by mail',
          body: InviteBody,
          response: { 201: InvitationDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await inviteMember(deps, actorOf(request), request.body)),
    );

    app.delete(
      '/invitations/:id',
      {
        config: { access: 'manage:team' },
        schema: { ...secured, params: IdParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (request, reply) => {
        await revokeInvitation(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
