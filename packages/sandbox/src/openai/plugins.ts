import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ControlError, parseInput, sendControlError } from '../control/errors.ts';
import type { SandboxContext } from '../core/context.ts';
import { checkJsonMention, parseChatRequest } from './chat-request.ts';
import { complete, completionEvents, completionJson } from './completion.ts';
import { OpenAIError, openaiError, sendOpenAIError } from './errors.ts';
import { createOpenAIFaults, openaiFaultSchema } from './faults.ts';

/** Listed by GET /models. Chat accepts any model name, so a priced name (gpt-4o-mini) works too. */
export const SANDBOX_MODELS = ['sandbox-chat', 'gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1'];
const MODELS_CREATED = 1_700_000_000;
const LOG_CAP = 200;

type LoggedCall = { at: string; method: string; path: string; status: number; model?: string };

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests so the check takes the same time whatever the wrong key shares with the right one. */
function checkKey(req: FastifyRequest, apiKey: string): void {
  const header = req.headers.authorization ?? '';
  const key = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (!key) throw openaiError.missingKey();
  if (!timingSafeEqual(digest(key), digest(apiKey))) throw openaiError.wrongKey(key);
}

/**
 * An OpenAI-compatible Chat Completions endpoint (`api`, mounted at /openai/v1) and its controls
 * (`control`, at /control/openai: faults and a log of calls). One instance per sandbox.
 */
export function openaiPlugins(ctx: SandboxContext) {
  const faults = createOpenAIFaults();
  const calls: LoggedCall[] = [];

  const api = async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof OpenAIError) return sendOpenAIError(reply, err);
      if (err.statusCode !== undefined && err.statusCode < 500) {
        const message =
          err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
            ? "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)"
            : err.message;
        return sendOpenAIError(
          reply,
          new OpenAIError(err.statusCode, 'invalid_request_error', null, message),
        );
      }
      return sendOpenAIError(reply, openaiError.server());
    });
    app.setNotFoundHandler((req, reply) =>
      sendOpenAIError(reply, openaiError.notFound(`Invalid URL (${req.method} ${req.url.split('?')[0]})`)),
    );
    app.addHook('onRequest', async (req) => {
      checkKey(req, ctx.opts.openaiApiKey);
      const fault = faults.take();
      if (fault?.mode === 'error_5xx') throw openaiError.server();
      if (fault?.mode === 'rate_limit') throw openaiError.rateLimited(fault.retryAfterSeconds);
      if (fault?.mode === 'delay') await ctx.timers.hold(fault.delayMs);
      if (fault?.mode === 'timeout') {
        await ctx.timers.hold(ctx.opts.timing.faultHoldMs);
        throw openaiError.timeout();
      }
    });
    app.addHook('onResponse', async (req, reply) => {
      const body = req.body as { model?: unknown } | undefined;
      calls.push({
        at: new Date(ctx.now()).toISOString(),
        method: req.method,
        path: req.url.split('?')[0] ?? '',
        status: reply.statusCode,
        ...(typeof body?.model === 'string' ? { model: body.model } : {}),
      });
      if (calls.length > LOG_CAP) calls.shift();
    });

    const modelJson = (id: string) => ({
      id,
      object: 'model',
      created: MODELS_CREATED,
      owned_by: 'replyforce-sandbox',
    });
    app.get('/models', async () => ({ object: 'list', data: SANDBOX_MODELS.map(modelJson) }));
    app.get<{ Params: { id: string } }>('/models/:id', async (req) => modelJson(req.params.id));

    app.post('/chat/completions', async (req, reply) => {
      const request = parseChatRequest(req.body);
      checkJsonMention(request);
      const completion = complete(request, ctx.now());
      if (!request.stream) return completionJson(completion);
      return reply
        .type('text/event-stream')
        .header('cache-control', 'no-cache')
        .send(completionEvents(completion, request.stream_options?.include_usage === true));
    });
  };

  const control = async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof ControlError) return sendControlError(reply, err);
      const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500;
      return sendControlError(
        reply,
        new ControlError(status, status < 500 ? 'BAD_REQUEST' : 'INTERNAL', err.message),
      );
    });
    app.post('/faults', async (req) => faults.set(parseInput(openaiFaultSchema, req.body)));
    app.get('/calls', async () => ({ calls }));
  };

  return { api, control };
}
