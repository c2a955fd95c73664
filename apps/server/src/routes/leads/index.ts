import {
  IdParams,
  LeadDetailDto,
  LeadDto,
  LeadPage,
  LeadQuery,
  LeadStatsDto,
  LeadTagBody,
} from '@replyforce/contracts';
import { type CoreDeps, getLead, leadStats, listLeads, setLeadTag } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['leads'], security: [{ bearer: [] }] };

/** /api/v1/leads — scored leads (seed 001 §4.3). */
export function leadRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '',
      {
        config: { access: 'read:leads' },
        schema: {
          ...secured,
          summary: 'Leads, filterable by tag, score and name; newest activity or highest score first',
          querystring: LeadQuery,
          response: { 200: LeadPage, ...errorResponses },
        },
      },
      async (request) => listLeads(deps, actorOf(request).tenantId, request.query),
    );

    app.get(
      '/stats',
      {
        config: { access: 'read:leads' },
        schema: {
          ...secured,
          summary: 'Leads per tag, average score',
          response: { 200: LeadStatsDto, ...errorResponses },
        },
      },
      async (request) => leadStats(deps, actorOf(request).tenantId),
    );

    app.get(
      '/:id',
      {
        config: { access: 'read:leads' },
        schema: {
          ...secured,
          summary: 'A lead with its score history (each change and the message that caused it)',
          params: IdParams,
          response: { 200: LeadDetailDto, ...errorResponses },
        },
      },
      async (request) => getLead(deps, actorOf(request).tenantId, request.params.id),
    );

    app.patch(
      '/:id/tag',
      {
        config: { access: 'write:leads' },
        schema: {
          ...secured,
          summary: 'Set the tag by hand (kept by later scoring), or null to hand it back to scoring',
          params: IdParams,
          body: LeadTagBody,
          response: { 200: LeadDto, ...errorResponses },
        },
      },
      async (request) => setLeadTag(deps, actorOf(request), request.params.id, request.body.tag),
    );
  };
}
