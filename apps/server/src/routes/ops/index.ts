import type { CoreDeps } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Check = z.enum(['ok', 'down', 'not_configured']);

async function probe(fn: () => Promise<void>, timeoutMs = 2_000): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (its dependencies answer). */
export function opsRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }) } } },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['ops'],
          response: {
            200: z.object({
              status: z.enum(['ok', 'unavailable']),
              checks: z.object({ database: Check, redis: Check }),
            }),
            503: z.object({
              status: z.enum(['ok', 'unavailable']),
              checks: z.object({ database: Check, redis: Check }),
            }),
          },
        },
      },
      async (_request, reply) => {
        const [database, redis] = await Promise.all([
          probe(() => deps.db.ping()),
          deps.config.redisUrl ? probe(() => deps.queue.ping()) : Promise.resolve('not_configured' as const),
        ]);
        const ok = database === 'ok' && redis !== 'down';
        return reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'unavailable', checks: { database, redis } });
      },
    );
  };
}
