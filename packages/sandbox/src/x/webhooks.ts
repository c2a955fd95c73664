import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import { isHttpUrl } from '../web/consent-page.ts';
import { requireXApp, xUser } from './auth.ts';
import { xProblem } from './errors.ts';
import { consume } from './limits.ts';

/**
 * Webhook ids derive from the URL, so registering the same URL again (a restarted demo) gives the
 * same id, and the webhook at the configured target is known even before anyone registers it.
 */
export function webhookIdFor(secret: string, url: string): string {
  const n = createHmac('sha256', secret).update(`x-webhook:${url}`).digest().readBigUInt64BE(0);
  return (1_000_000_000_000_000_000n + (n % 8_000_000_000_000_000_000n)).toString();
}

/** X's CRC: GET <url>?crc_token=…, answered with sha256=<base64 HMAC(consumer secret, token)>. */
async function passesCrc(ctx: SandboxContext, url: string): Promise<boolean> {
  const token = randomBytes(24).toString('base64url');
  const expected = `sha256=${createHmac('sha256', ctx.opts.xConsumerSecret).update(token).digest('base64')}`;
  try {
    const u = new URL(url);
    u.searchParams.set('crc_token', token);
    const res = await fetch(u, { signal: AbortSignal.timeout(ctx.opts.timing.crcTimeoutMs) });
    const text = await res.text();
    if (!res.ok) return false;
    return (JSON.parse(text) as { response_token?: unknown }).response_token === expected;
  } catch {
    return false;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function registerXWebhooks(app: FastifyInstance, ctx: SandboxContext): void {
  const known = (id: string) =>
    ctx.store.xWebhooks.has(id) ||
    id === webhookIdFor(ctx.opts.secret, `${ctx.opts.target()}/webhooks/twitter`);

  app.post('/2/webhooks', async (req, reply) => {
    requireXApp(ctx, req);
    consume(ctx, reply, 'other', 'app');
    const url = (req.body as { url?: unknown } | undefined)?.url ?? (req.query as { url?: unknown }).url;
    if (typeof url !== 'string' || !isHttpUrl(url))
      throw xProblem.invalid('url must be an absolute http(s) URL');
    const id = webhookIdFor(ctx.opts.secret, url);
    const valid = await passesCrc(ctx, url);
    const existing = ctx.store.xWebhooks.get(id);
    const hook = { id, url, valid, createdAt: existing?.createdAt ?? ctx.now() };
    ctx.store.xWebhooks.set(id, hook);
    ctx.store.changed();
    return { data: { id, url, valid, created_at: iso(hook.createdAt) } };
  });

  app.get('/2/webhooks', async (req, reply) => {
    requireXApp(ctx, req);
    consume(ctx, reply, 'other', 'app');
    const data = [...ctx.store.xWebhooks.values()].map((w) => ({
      id: w.id,
      url: w.url,
      valid: w.valid,
      created_at: iso(w.createdAt),
    }));
    return { data, meta: { result_count: data.length } };
  });

  app.put('/2/webhooks/:id', async (req, reply) => {
    requireXApp(ctx, req);
    consume(ctx, reply, 'other', 'app');
    const hook = ctx.store.xWebhooks.get((req.params as { id: string }).id);
    if (!hook) throw xProblem.notFound('Webhook not found');
    hook.valid = await passesCrc(ctx, hook.url);
    ctx.store.changed();
    return { data: { valid: hook.valid } };
  });

  app.delete('/2/webhooks/:id', async (req, reply) => {
    requireXApp(ctx, req);
    consume(ctx, reply, 'other', 'app');
    const id = (req.params as { id: string }).id;
    if (!ctx.store.xWebhooks.delete(id)) throw xProblem.notFound('Webhook not found');
    ctx.store.changed();
    return { data: { deleted: true } };
  });

  const subscriptionPath = '/2/account_activity/webhooks/:webhook_id/subscriptions/all';

  app.post(subscriptionPath, async (req, reply) => {
    const user = xUser(ctx, req);
    consume(ctx, reply, 'other', user);
    if (!known((req.params as { webhook_id: string }).webhook_id))
      throw xProblem.notFound('Webhook not found');
    ctx.store.subscribe(`x:${user}`, [], ctx.now());
    return { data: { subscribed: true } };
  });

  app.get(subscriptionPath, async (req, reply) => {
    const user = xUser(ctx, req);
    consume(ctx, reply, 'other', user);
    if (!known((req.params as { webhook_id: string }).webhook_id))
      throw xProblem.notFound('Webhook not found');
    return { data: { subscribed: ctx.store.subscription(`x:${user}`) !== undefined } };
  });

  app.delete('/2/account_activity/webhooks/:webhook_id/subscriptions/:user_id/all', async (req, reply) => {
    const { webhook_id, user_id } = req.params as { webhook_id: string; user_id: string };
    requireXApp(ctx, req);
    consume(ctx, reply, 'other', 'app');
    if (!known(webhook_id)) throw xProblem.notFound('Webhook not found');
    ctx.store.unsubscribe(`x:${user_id}`);
    return { data: { subscribed: false } };
  });
}
