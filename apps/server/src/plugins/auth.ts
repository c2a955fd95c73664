import { can, type Permission } from '@replyforce/contracts';
import { type Actor, AppError, authenticate, type CoreDeps, recordAccessDenied } from '@replyforce/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Every /api/v1 route declares who may call it; a route without `access` refuses to boot. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access (the RBAC test checks each against the matrix). */
    accessTable: { method: string; url: string; access: Access }[];
  }
}

/** The actor of a route declared non-public (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.actor;
}

export function registerAuth(app: FastifyInstance, deps: CoreDeps): void {
  app.decorateRequest('actor', undefined);
  const table: FastifyInstance['accessTable'] = [];
  app.decorate('accessTable', table);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  // onRequest runs before the body is parsed: an anonymous caller learns nothing about the body rules.
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new AppError('UNAUTHENTICATED', 'Send an access token: Authorization: Bearer <token>');
    const actor = await authenticate(deps, match[1]!, request.ip);
    request.actor = actor;
    // reply.log writes the 'request completed' line; both carry the tenant from here on.
    request.log = request.log.child({ tenantId: actor.tenantId, userId: actor.userId });
    reply.log = request.log;
    // Tenant policy: an admin without a second factor may only reach the auth routes (where
    // enrolment lives) until they enrol; everything else answers one clear code the web acts on.
    if (actor.mfaEnrolmentRequired && !request.routeOptions.url?.startsWith('/api/v1/auth/'))
      throw new AppError(
        'MFA_ENROLMENT_REQUIRED',
        'This workspace requires two-factor sign-in for admins; enrol first',
      );
    if (access !== 'authenticated' && !can(actor.role, access)) {
      await recordAccessDenied(deps, actor, `${request.method} ${request.routeOptions.url}`, access);
      throw new AppError('FORBIDDEN', `Your role (${actor.role}) may not do this; it needs ${access}`);
    }
  });
}
