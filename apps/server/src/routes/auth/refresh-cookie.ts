import type { CoreDeps, IssuedSession } from '@replyforce/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'rf_refresh';
const PATH = '/api/v1/auth';

export function setRefreshCookie(deps: CoreDeps, reply: FastifyReply, issued: IssuedSession): void {
  reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.auth.cookieSecure,
    path: PATH,
    expires: issued.refreshExpiresAt,
  });
}

export function clearRefreshCookie(deps: CoreDeps, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.auth.cookieSecure,
    path: PATH,
  });
}

export const refreshCookieOf = (request: FastifyRequest): string | undefined =>
  request.cookies[REFRESH_COOKIE];
