import {
  CrmCompleteConnectBody,
  CrmConnectBody,
  CrmConnectDto,
  CrmConnectionDto,
  CrmConnectionList,
  CrmFieldList,
  CrmFieldsQuery,
  CrmForceSyncDto,
  CrmIntegrationPatchBody,
  CrmMappingBody,
  CrmMappingDto,
  CrmSyncStatusDto,
  IdParams,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  completeCrmConnect,
  disconnectCrm,
  forceCrmSync,
  getCrmMapping,
  getCrmSyncStatus,
  listCrmFields,
  listCrmIntegrations,
  putCrmMapping,
  retryCrmDeadLetter,
  startCrmConnect,
  updateCrmIntegration,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['crm'], security: [{ bearer: [] }] };
const LeadIdParams = z.strictObject({ leadId: z.uuid() });
const RetryAccepted = z.object({ jobId: z.string() });

/** /api/v1/crm — CRM connections, field mapping and the sync queue (seed 001 §4.3; admins manage). */
export function crmRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/integrations',
      {
        config: { access: 'read:dashboard' },
        schema: {
          ...secured,
          summary: 'Connected CRMs and their state (no credentials)',
          response: { 200: CrmConnectionList, ...errorResponses },
        },
      },
      async (request) => ({ items: await listCrmIntegrations(deps, actorOf(request).tenantId) }),
    );

    app.post(
      '/connect',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary:
            'Connect a CRM: with a private-app token or API key it connects at once; otherwise the answer is the consent page to send the browser to',
          body: CrmConnectBody,
          response: { 200: CrmConnectDto, ...errorResponses },
        },
      },
      async (request) => startCrmConnect(deps, actorOf(request), request.body),
    );

    app.post(
      '/connect/complete',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary:
            'The OAuth callback: finish connecting with the code and state the CRM redirected back with',
          body: CrmCompleteConnectBody,
          response: { 200: CrmConnectionDto, ...errorResponses },
        },
      },
      async (request) => completeCrmConnect(deps, actorOf(request), request.body),
    );

    app.patch(
      '/integrations/:id',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: 'Change what erasing a contact does to its CRM record (delete or anonymise)',
          params: IdParams,
          body: CrmIntegrationPatchBody,
          response: { 200: CrmConnectionDto, ...errorResponses },
        },
      },
      async (request) => updateCrmIntegration(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/integrations/:id',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: 'Disconnect: revoke the token, erase the stored credentials, stop syncing',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await disconnectCrm(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/integrations/:id/mapping',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: 'Which lead field goes to which CRM field (and lead tag → CRM status values)',
          params: IdParams,
          response: { 200: CrmMappingDto, ...errorResponses },
        },
      },
      async (request) => getCrmMapping(deps, actorOf(request).tenantId, request.params.id),
    );

    app.put(
      '/integrations/:id/mapping',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: "Replace the mapping; it is checked against the CRM's field list, read now",
          params: IdParams,
          body: CrmMappingBody,
          response: { 200: CrmMappingDto, ...errorResponses },
        },
      },
      async (request) => putCrmMapping(deps, actorOf(request), request.params.id, request.body.items),
    );

    app.get(
      '/integrations/:id/fields',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: "The CRM's contact or lead fields (cached; ?refresh=true reads them again)",
          params: IdParams,
          querystring: CrmFieldsQuery,
          response: { 200: CrmFieldList, ...errorResponses },
        },
      },
      async (request) =>
        listCrmFields(deps, actorOf(request).tenantId, request.params.id, {
          refresh: request.query.refresh === 'true',
        }),
    );

    app.post(
      '/sync/:leadId',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: 'Sync a lead now to every connected CRM',
          params: LeadIdParams,
          response: { 202: CrmForceSyncDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await forceCrmSync(deps, actorOf(request), request.params.leadId)),
    );

    app.get(
      '/sync/status',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: 'The sync queue: syncs per status, jobs, recent failures and dead letters',
          response: { 200: CrmSyncStatusDto, ...errorResponses },
        },
      },
      async (request) => getCrmSyncStatus(deps, actorOf(request).tenantId),
    );

    app.post(
      '/sync/dlq/:id/retry',
      {
        config: { access: 'manage:crm' },
        schema: {
          ...secured,
          summary: "Retry a CRM dead letter: the lead's given-up sync or erasure is queued again",
          params: IdParams,
          response: { 202: RetryAccepted, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await retryCrmDeadLetter(deps, actorOf(request), request.params.id)),
    );
  };
}
