import type { FastifyError, FastifyInstance } from 'fastify';
import { ACCOUNTS } from '../accounts.ts';
import { isSubscribed, type SandboxContext } from '../core/context.ts';
import { markThreadRead } from '../meta/effects.ts';
import type { Platform, ThreadEntry } from '../types.ts';
import { customerComment } from './customer-comment.ts';
import { customerMessage, requireAccount } from './customer-message.ts';
import { ControlError, parseInput, sendControlError } from './errors.ts';
import {
  commentSchema,
  faultSchema,
  messageSchema,
  revokeSchema,
  sentQuerySchema,
  threadQuerySchema,
} from './schemas.ts';

const SEGMENT: Record<Platform, string> = {
  facebook: 'facebook',
  instagram: 'instagram',
  whatsapp: 'whatsapp',
  x: 'twitter',
};

const iso = (ms: number) => new Date(ms).toISOString();

function entryJson(e: ThreadEntry) {
  return {
    id: e.id,
    direction: e.direction,
    kind: e.kind,
    text: e.text,
    at: iso(e.at),
    status: e.status,
    ...(e.tag !== undefined ? { tag: e.tag } : {}),
    ...(e.metadata !== undefined ? { metadata: e.metadata } : {}),
    ...(e.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: e.bizOpaqueCallbackData } : {}),
    ...(e.commentId !== undefined ? { commentId: e.commentId } : {}),
    ...(e.postId !== undefined ? { postId: e.postId } : {}),
    ...(e.replyTo !== undefined ? { replyTo: e.replyTo } : {}),
    ...(e.template !== undefined ? { template: e.template } : {}),
  };
}

/** The sandbox's own API (/control) for the customer simulator, the tests, the benchmarks and `simulate`. */
export function controlPlugin(ctx: SandboxContext) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof ControlError) return sendControlError(reply, err);
      if (err.statusCode !== undefined && err.statusCode < 500)
        return sendControlError(reply, new ControlError(err.statusCode, 'BAD_REQUEST', err.message));
      return sendControlError(reply, new ControlError(500, 'INTERNAL', err.message));
    });
    app.setNotFoundHandler((req, reply) =>
      sendControlError(
        reply,
        new ControlError(404, 'ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`),
      ),
    );

    app.get('/accounts', async () => ({
      accounts: ACCOUNTS.map((a) => ({
        ...a,
        ...(isSubscribed(ctx, a.platform, a.accountId)
          ? { connectedTo: `${ctx.opts.target()}/webhooks/${SEGMENT[a.platform]}` }
          : {}),
      })),
    }));

    app.post('/messages', async (req) => customerMessage(ctx, parseInput(messageSchema, req.body)));

    app.post('/comments', async (req) => customerComment(ctx, parseInput(commentSchema, req.body)));

    app.get('/threads', async (req) => {
      const q = parseInput(threadQuerySchema, req.query);
      requireAccount(q.platform, q.accountId);
      const entries = ctx.store.thread(q.platform, q.accountId, q.customerId);
      // The customer opening the thread is what reads the business's messages.
      markThreadRead(ctx, entries);
      return { messages: entries.map(entryJson) };
    });

    app.get('/sent', async (req) => {
      const q = parseInput(sentQuerySchema, req.query);
      const since = q.since ? Date.parse(q.since) : Number.NEGATIVE_INFINITY;
      return {
        messages: ctx.store.sentSince(since, q.limit).map((e) => ({
          platform: e.platform,
          accountId: e.accountId,
          customerId: e.customerId,
          ...entryJson(e),
          acceptedAt: iso(e.at),
        })),
      };
    });

    app.post('/tokens/revoke', async (req) => {
      const input = parseInput(revokeSchema, req.body);
      requireAccount(input.platform, input.accountId);
      ctx.store.revoke(input.platform, input.accountId);
      return { revoked: true, platform: input.platform, accountId: input.accountId };
    });

    app.post('/faults', async (req) => {
      const input = parseInput(faultSchema, req.body);
      return { platform: input.platform, ...ctx.faults.set(input.platform, input.mode, input.count) };
    });
  };
}
