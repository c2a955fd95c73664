import { SecuritySettingsBody, SecuritySettingsDto } from '@replyforce/contracts';
import { type CoreDeps, getSecuritySettings, updateSecuritySettings } from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../plugins/auth.ts';
import { errorResponses } from './schemas.ts';

/** The workspace's security policy. Admin-only: `manage:team` is held by admins alone. */
export function securitySettingsRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const schema = { tags: ['settings'], security: [{ bearer: [] }] };
    app.get(
      '/security',
      {
        config: { access: 'manage:team' },
        schema: {
          ...schema,
          summary: 'Security policy',
          response: { 200: SecuritySettingsDto, ...errorResponses },
        },
      },
      async (request) => getSecuritySettings(deps, actorOf(request)),
    );
    app.patch(
      '/security',
      {
        config: { access: 'manage:team' },
        schema: {
          ...schema,
          summary: 'Change the security policy (e.g. require MFA of admins)',
          body: SecuritySettingsBody,
          response: { 200: SecuritySettingsDto, ...errorResponses },
        },
      },
      async (request) => updateSecuritySettings(deps, actorOf(request), request.body),
    );
  };
}
