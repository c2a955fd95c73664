import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import { checkToken } from '../core/credentials.ts';
import { xProblem } from './errors.ts';

function bearer(req: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The client credentials in `Authorization: Basic base64(client_id:client_secret)`, if any. */
export function basicClient(req: FastifyRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

export function isOurClient(ctx: SandboxContext, req: FastifyRequest): boolean {
  const c = basicClient(req);
  return c?.id === ctx.opts.xClientId && c.secret === ctx.opts.xClientSecret;
}

/** The X user a user-context token acts for; 401 for anything else. */
export function xUser(ctx: SandboxContext, req: FastifyRequest): string {
  const raw = bearer(req);
  const check = raw ? checkToken(ctx, raw) : undefined;
  if (!check?.ok || check.claims.platform !== 'x' || check.claims.kind !== 'access')
    throw xProblem.unauthorized();
  return check.claims.subjects[0]?.id ?? '';
}

/** The user id behind a valid user token, without failing: rate-limit headers key on it. */
export function peekXUser(ctx: SandboxContext, req: FastifyRequest): string | undefined {
  const raw = bearer(req);
  const check = raw ? checkToken(ctx, raw) : undefined;
  return check?.ok && check.claims.platform === 'x' && check.claims.kind === 'access'
    ? check.claims.subjects[0]?.id
    : undefined;
}

/**
 * App-level calls (webhook management): an app-only bearer from client_credentials, or the client
 * credentials themselves. A user token of the app is accepted too: it proves the same app.
 */
export function requireXApp(ctx: SandboxContext, req: FastifyRequest): void {
  if (isOurClient(ctx, req)) return;
  const raw = bearer(req);
  const check = raw ? checkToken(ctx, raw) : undefined;
  if (
    check?.ok &&
    check.claims.platform === 'x' &&
    (check.claims.kind === 'app' || check.claims.kind === 'access')
  )
    return;
  throw xProblem.unauthorized();
}
