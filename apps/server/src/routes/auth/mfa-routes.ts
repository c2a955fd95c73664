import {
  MfaCodeBody,
  MfaDisableBody,
  MfaEnrolmentDto,
  MfaStatusDto,
  RecoveryCodesDto,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  confirmMfaEnrolment,
  disableMfa,
  getMfaStatus,
  regenerateRecoveryCodes,
  startMfaEnrolment,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';

/** The signed-in user's own second factor (any role: it protects the person, not a permission). */
export function mfaRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const common = { config: { access: 'authenticated' as const } };
    const schema = { tags: ['auth'], security: [{ bearer: [] }] };

    app.get(
      '/',
      {
        ...common,
        schema: {
          ...schema,
          summary: 'Two-factor status',
          response: { 200: MfaStatusDto, ...errorResponses },
        },
      },
      async (request) => getMfaStatus(deps, actorOf(request)),
    );

    app.post(
      '/enrol',
      {
        ...common,
        schema: {
          ...schema,
          summary: 'Start TOTP enrolment: a new secret, pending until confirmed',
          response: { 200: MfaEnrolmentDto, ...errorResponses },
        },
      },
      async (request) => startMfaEnrolment(deps, actorOf(request)),
    );

    app.post(
      '/confirm',
      {
        ...common,
        schema: {
          ...schema,
          summary: 'Turn two-factor sign-in on with a first code; returns 10 recovery codes, shown once',
          body: MfaCodeBody,
          response: { 200: RecoveryCodesDto, ...errorResponses },
        },
      },
      async (request) => confirmMfaEnrolment(deps, actorOf(request), request.body.code),
    );

    app.post(
      '/disable',
      {
        ...common,
        schema: {
          ...schema,
          summary: 'Turn two-factor sign-in off (needs a current code or the password)',
          body: MfaDisableBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await disableMfa(deps, actorOf(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/recovery-codes',
      {
        ...common,
        schema: {
          ...schema,
          summary: 'Replace all recovery codes (needs a current code)',
          body: MfaCodeBody,
          response: { 200: RecoveryCodesDto, ...errorResponses },
        },
      },
      async (request) => regenerateRecoveryCodes(deps, actorOf(request), request.body.code),
    );
  };
}
