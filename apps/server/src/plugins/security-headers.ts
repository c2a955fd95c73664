import type { FastifyInstance } from 'fastify';

/** Baseline headers on every answer; the full hardening (CSP, CORS allow-list) comes with the security work. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });
}
