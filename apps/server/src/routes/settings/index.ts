import { IdParams, MessageDto } from '@replyforce/contracts';
import {
  AutoReplyRules,
  BrandVoice,
  type CoreDeps,
  getAiSettings,
  getLlmSettings,
  LlmSettingsBody,
  removeLlmSettings,
  reviewDraft,
  setLlmSettings,
  updateAiSettings,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

const secured = { tags: ['settings'], security: [{ bearer: [] }] };

/** /api/v1/settings/brand-voice and /auto-reply (seed 001 §4.3). */
export function settingsRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    for (const [path, key, schema] of [
      ['/brand-voice', 'brandVoice', BrandVoice],
      ['/auto-reply', 'autoReply', AutoReplyRules],
    ] as const) {
      app.get(
        path,
        {
          config: { access: 'read:conversations' },
          schema: {
            ...secured,
            summary: `The ${key} settings`,
            response: { 200: schema, ...errorResponses },
          },
        },
        async (request) => (await getAiSettings(deps, actorOf(request).tenantId))[key],
      );
      app.put(
        path,
        {
          config: { access: 'manage:ai_settings' },
          schema: {
            ...secured,
            summary: `Replace the ${key} settings (omitted fields take their defaults)`,
            body: z.record(z.string(), z.unknown()),
            response: { 200: schema, ...errorResponses },
          },
        },
        async (request) => updateAiSettings(deps, actorOf(request), key, request.body),
      );
    }

    const LlmView = z.object({
      configured: z.boolean(),
      provider: z.string().nullable(),
      model: z.string().nullable(),
      understandModel: z.string().nullable(),
      baseUrl: z.string().nullable(),
      hasApiKey: z.boolean(),
      enabled: z.boolean(),
      usage: z.object({
        plan: z.string(),
        tokensToday: z.number(),
        tokensThisMonth: z.number(),
        dailyLimit: z.number(),
        monthlyLimit: z.number(),
        costUsdThisMonth: z.number(),
        callsThisMonth: z.number(),
      }),
    });
    app.get(
      '/ai-provider',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...secured,
          summary: 'The language model (never its key) and token use against the plan',
          response: { 200: LlmView, ...errorResponses },
        },
      },
      async (request) => getLlmSettings(deps, actorOf(request).tenantId),
    );
    app.put(
      '/ai-provider',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...secured,
          summary: 'Plug in OpenAI, Anthropic or any OpenAI-compatible server (key sealed at rest)',
          body: LlmSettingsBody,
          response: { 200: LlmView, ...errorResponses },
        },
      },
      async (request) => setLlmSettings(deps, actorOf(request), request.body),
    );
    app.delete(
      '/ai-provider',
      {
        config: { access: 'manage:ai_settings' },
        schema: {
          ...secured,
          summary: 'Unplug the model: local models answer again',
          response: { 200: LlmView, ...errorResponses },
        },
      },
      async (request) => removeLlmSettings(deps, actorOf(request)),
    );
  };
}

const DraftParams = IdParams.extend({ messageId: z.uuid() });

/** The approval queue: /api/v1/conversations/:id/drafts/:messageId/{approve,reject}. */
export function draftRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/:id/drafts/:messageId/approve',
      {
        config: { access: 'write:conversations' },
        schema: {
          tags: ['conversations'],
          security: [{ bearer: [] }],
          summary: 'Send an AI draft, as written or edited',
          params: DraftParams,
          body: z.object({ text: z.string().trim().min(1).max(2000).optional() }).default({}),
          response: { 200: MessageDto, ...errorResponses },
        },
      },
      async (request) =>
        reviewDraft(deps, actorOf(request), {
          conversationId: request.params.id,
          messageId: request.params.messageId,
          decision: 'approve',
          text: request.body.text,
        }),
    );
    app.post(
      '/:id/drafts/:messageId/reject',
      {
        config: { access: 'write:conversations' },
        schema: {
          tags: ['conversations'],
          security: [{ bearer: [] }],
          summary: 'Reject an AI draft; the conversation then needs a person',
          params: DraftParams,
          response: { 200: MessageDto, ...errorResponses },
        },
      },
      async (request) =>
        reviewDraft(deps, actorOf(request), {
          conversationId: request.params.id,
          messageId: request.params.messageId,
          decision: 'reject',
        }),
    );
  };
}
