import {
  LoginBody,
  LoginMfaBody,
  MeDto,
  MfaChallengeDto,
  RegisterBody,
  SessionDto,
  SwitchTenantBody,
} from '@replyforce/contracts';
import {
  type CoreDeps,
  getMe,
  login,
  loginWithMfa,
  logout,
  refreshSession,
  register,
  switchTenant,
} from '@replyforce/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../schemas.ts';
import { mfaRoutes } from './mfa-routes.ts';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie.ts';

export function authRoutes(deps: CoreDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/register',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Create a workspace and its first admin, signed in',
          body: RegisterBody,
          response: { 201: SessionDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const issued = await register(deps, request.body, { ip: request.ip });
        setRefreshCookie(deps, reply, issued);
        return reply.status(201).send(issued.session);
      },
    );

    app.post(
      '/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in (answers an mfa_required challenge when the account has a second factor)',
          body: LoginBody,
          response: { 200: z.union([SessionDto, MfaChallengeDto]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const result = await login(deps, request.body, { ip: request.ip });
        if ('status' in result) return result;
        setRefreshCookie(deps, reply, result);
        return result.session;
      },
    );

    app.post(
      '/login/mfa',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Complete a sign-in with a TOTP code or a recovery code',
          body: LoginMfaBody,
          response: { 200: SessionDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const issued = await loginWithMfa(deps, request.body, { ip: request.ip });
        setRefreshCookie(deps, reply, issued);
        return issued.session;
      },
    );

    await app.register(mfaRoutes(deps), { prefix: '/mfa' });

    app.post(
      '/refresh',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Trade the refresh cookie for a new access token and a new refresh cookie (single use)',
          response: { 200: SessionDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        try {
          const issued = await refreshSession(deps, refreshCookieOf(request), { ip: request.ip });
          setRefreshCookie(deps, reply, issued);
          return issued.session;
        } catch (err) {
          clearRefreshCookie(deps, reply);
          throw err;
        }
      },
    );

    app.delete(
      '/logout',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await logout(deps, refreshCookieOf(request), { ip: request.ip });
        clearRefreshCookie(deps, reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: MeDto, ...errorResponses } },
      },
      async (request) => getMe(deps, actorOf(request)),
    );

    app.post(
      '/switch-tenant',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in to another workspace of the same user',
          security: [{ bearer: [] }],
          body: SwitchTenantBody,
          response: { 200: SessionDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const issued = await switchTenant(
          deps,
          actorOf(request),
          request.body.tenantId,
          refreshCookieOf(request),
        );
        setRefreshCookie(deps, reply, issued);
        return issued.session;
      },
    );
  };
}
