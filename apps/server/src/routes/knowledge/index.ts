import {
  IdParams,
  KbItemBody,
  KbItemDto,
  KbItemList,
  KbSearchQuery,
  KbSearchResult,
  ReplyTemplateBody,
  ReplyTemplateDto,
  ReplyTemplateList,
} from '@replyforce/contracts';
import {
  addKnowledgeItem,
  addTemplate,
  type CoreDeps,
  editKnowledgeItem,
  editTemplate,
  getKnowledgeItem,
  listKnowledge,
  listTemplates,
  removeKnowledgeItem,
  removeTemplate,
  searchKnowledge,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const kb = { tags: ['knowledge'], security: [{ bearer: [] }] };
const tpl = { tags: ['templates'], security: [{ bearer: [] }] };

/** /api/v1/kb — the knowledge base replies quote; /api/v1/templates — replies per intent. */
export function knowledgeRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/kb/items',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...kb,
          summary: 'Knowledge-base items (FAQ pairs and documents), newest first',
          querystring: z.object({ kind: z.enum(['faq', 'document']).optional() }),
          response: { 200: KbItemList, ...errorResponses },
        },
      },
      async (request) => listKnowledge(deps, actorOf(request).tenantId, request.query.kind),
    );
    app.get(
      '/kb/items/:id',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...kb,
          summary: 'One knowledge-base item',
          params: IdParams,
          response: { 200: KbItemDto, ...errorResponses },
        },
      },
      async (request) => getKnowledgeItem(deps, actorOf(request).tenantId, request.params.id),
    );
    app.post(
      '/kb/items',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...kb,
          summary: 'Add a FAQ pair or a document',
          body: KbItemBody,
          response: { 201: KbItemDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addKnowledgeItem(deps, actorOf(request), request.body)),
    );
    app.put(
      '/kb/items/:id',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...kb,
          summary: 'Replace an item (re-chunked)',
          params: IdParams,
          body: KbItemBody,
          response: { 200: KbItemDto, ...errorResponses },
        },
      },
      async (request) => editKnowledgeItem(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/kb/items/:id',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...kb,
          summary: 'Delete an item',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await removeKnowledgeItem(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/kb/search',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...kb,
          summary: 'What replies would find for a question',
          querystring: KbSearchQuery,
          response: { 200: KbSearchResult, ...errorResponses },
        },
      },
      async (request) =>
        searchKnowledge(deps, actorOf(request).tenantId, request.query.q, request.query.limit),
    );

    app.get(
      '/templates',
      {
        config: { access: 'read:conversations' },
        schema: {
          ...tpl,
          summary: 'Reply templates',
          response: { 200: ReplyTemplateList, ...errorResponses },
        },
      },
      async (request) => listTemplates(deps, actorOf(request).tenantId),
    );
    app.post(
      '/templates',
      {
        config: { access: 'manage:templates' },
        schema: {
          ...tpl,
          summary: 'Add a reply template for an intent',
          body: ReplyTemplateBody,
          response: { 201: ReplyTemplateDto, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addTemplate(deps, actorOf(request), request.body)),
    );
    app.put(
      '/templates/:id',
      {
        config: { access: 'manage:templates' },
        schema: {
          ...tpl,
          summary: 'Replace a template',
          params: IdParams,
          body: ReplyTemplateBody,
          response: { 200: ReplyTemplateDto, ...errorResponses },
        },
      },
      async (request) => editTemplate(deps, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/templates/:id',
      {
        config: { access: 'manage:templates' },
        schema: {
          ...tpl,
          summary: 'Delete a template',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await removeTemplate(deps, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
