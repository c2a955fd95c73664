import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CrmContext } from './context.ts';
import type { CrmVendor } from './types.ts';

/** How the caller authenticated, never the credential itself. */
function authScheme(req: FastifyRequest): string {
  const header = req.headers.authorization;
  if (header) return header.split(/\s+/)[0] ?? 'none';
  if (req.headers['x-api-token']) return 'x-api-token';
  if ((req.query as Record<string, unknown>)?.api_token) return 'api_token';
  return 'none';
}

/** Remembers every request a vendor stand-in answered, so tests can assert exactly what a connector sent. */
export function registerRequestLog(app: FastifyInstance, c: CrmContext, vendor: CrmVendor): void {
  app.addHook('onResponse', async (req, reply) => {
    const url = new URL(req.url, 'http://sandbox');
    const query = Object.fromEntries(url.searchParams);
    delete query.api_token;
    c.store.log(vendor, {
      at: new Date(c.now()).toISOString(),
      method: req.method,
      path: url.pathname.slice(app.prefix.length),
      query,
      auth: authScheme(req),
      body: req.body ?? null,
      status: reply.statusCode,
    });
  });
}
