import type { FastifyInstance, FastifyRequest } from 'fastify';
import { instagramOfPage } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import type { SubscriptionKey } from '../core/store.ts';
import { KNOWN_FIELDS } from '../core/subscriptions.ts';
import { graphError } from './errors.ts';
import { mayAccess } from './objects.ts';
import { authenticate, findObject, graphParams, stringParam } from './request.ts';

/**
 * POST/GET/DELETE /{PAGE_ID|WABA_ID}/subscribed_apps. On a Page, the token says which product
 * subscribes: a Page token subscribes Messenger and the feed, the token of the Page's Instagram
 * account subscribes that Instagram account.
 */
export function registerSubscribedApps(app: FastifyInstance, ctx: SandboxContext): void {
  const target = (req: FastifyRequest, method: string): { key: SubscriptionKey; page: boolean } => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    const obj = findObject(ctx, id);
    if (!obj || (obj.type !== 'page' && obj.type !== 'waba') || !mayAccess(claims, obj))
      throw graphError.unknownObject(id, method);
    if (obj.type === 'waba') return { key: `whatsapp:${id}`, page: false };
    const ig = instagramOfPage(id);
    if (claims.platform === 'instagram' && ig) return { key: `instagram:${ig.accountId}`, page: true };
    return { key: `facebook:${id}`, page: true };
  };

  app.post('/:v/:id/subscribed_apps', async (req) => {
    const { key, page } = target(req, 'post');
    const raw = stringParam(graphParams(req).subscribed_fields);
    if (page && !raw) throw graphError.param('The parameter subscribed_fields is required');
    const fields = (raw ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = fields.find((f) => !KNOWN_FIELDS.has(f));
    if (unknown)
      throw graphError.param(
        `Param subscribed_fields must be one of {${[...KNOWN_FIELDS].join(', ')}} - got "${unknown}".`,
      );
    ctx.store.subscribe(key, fields, ctx.now());
    return { success: true };
  });

  app.get('/:v/:id/subscribed_apps', async (req) => {
    const { key, page } = target(req, 'get');
    const sub = ctx.store.subscription(key);
    if (!sub) return { data: [] };
    const appInfo = { link: 'https://replyforce.local/', name: 'ReplyForce', id: ctx.opts.metaAppId };
    return {
      data: [page ? { ...appInfo, subscribed_fields: sub.fields } : { whatsapp_business_api_data: appInfo }],
    };
  });

  app.delete('/:v/:id/subscribed_apps', async (req) => {
    ctx.store.unsubscribe(target(req, 'delete').key);
    return { success: true };
  });
}
