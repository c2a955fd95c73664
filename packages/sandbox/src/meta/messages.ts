import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import { graphError } from './errors.ts';
import { sendPageMessage } from './page-send.ts';
import { authenticate, findObject, graphParams, meAccount } from './request.ts';
import { sendWhatsApp } from './whatsapp-send.ts';

/** POST /{PAGE_ID|IG_ID|PHONE_NUMBER_ID|me}/messages: one endpoint, three products. */
export function registerMessages(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/:v/:id/messages', async (req) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    const params = graphParams(req);
    const account = id === 'me' ? meAccount(claims) : undefined;
    if (account) return sendPageMessage(ctx, claims, account, params);
    const obj = findObject(ctx, id);
    if (obj?.type === 'page' || obj?.type === 'instagram')
      return sendPageMessage(ctx, claims, obj.account, params);
    if (obj?.type === 'phone') return sendWhatsApp(ctx, claims, obj.account, params);
    throw graphError.unknownObject(id, 'post');
  });
}
