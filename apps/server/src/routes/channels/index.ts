import {
  ChannelList,
  ChannelStatusDto,
  CompleteConnectBody,
  CompleteConnectDto,
  ConnectChannelBody,
  ConnectChannelDto,
  IdParams,
  TemplateList,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  channelStatus,
  completeConnect,
  disconnectChannel,
  listChannelTemplates,
  listTenantChannels,
  startConnect,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

export function channelRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const common = { tags: ['channels'], security: [{ bearer: [] }] };

    app.get(
      '',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...common,
          summary: 'Connected channels',
          response: { 200: ChannelList, ...errorResponses },
        },
      },
      async (request) => ({ items: await listTenantChannels(deps, actorOf(request).tenantId) }),
    );

    app.post(
      '/connect',
      {
        config: { access: 'manage:channels' },
        schema: {
          ...common,
          summary: 'Start connecting an account: returns the platform consent page to send the browser to',
          body: ConnectChannelBody,
          response: { 200: ConnectChannelDto, ...errorResponses },
        },
      },
      async (request) => startConnect(deps, actorOf(request), request.body.platform),
    );

    app.post(
      '/connect/complete',
      {
        config: { access: 'manage:channels' },
        schema: {
          ...common,
          summary: 'Finish connecting with the code and state the platform redirected back with',
          body: CompleteConnectBody,
          response: { 200: CompleteConnectDto, ...errorResponses },
        },
      },
      async (request) => ({ items: await completeConnect(deps, actorOf(request), request.body) }),
    );

    app.get(
      '/:id/status',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...common,
          summary: 'Channel health, with a live token check against the platform',
          params: IdParams,
          response: { 200: ChannelStatusDto, ...errorResponses },
        },
      },
      async (request) => channelStatus(deps, actorOf(request).tenantId, request.params.id),
    );

    app.get(
      '/:id/templates',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...common,
          summary: "The WhatsApp number's message templates (empty for other platforms)",
          params: IdParams,
          response: { 200: TemplateList, ...errorResponses },
        },
      },
      async (request) => ({
        items: await listChannelTemplates(deps, actorOf(request).tenantId, request.params.id),
      }),
    );

    app.delete(
      '/:id',
      {
        config: { access: 'manage:channels' },
        schema: {
          ...common,
          summary: 'Disconnect: unsubscribe, revoke the token and stop processing',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await disconnectChannel(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
