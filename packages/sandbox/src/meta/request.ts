import type { FastifyRequest } from 'fastify';
import { ACCOUNTS, findAnyAccount, instagramOfPage, WABA_ID } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { checkToken } from '../core/credentials.ts';
import type { TokenClaims } from '../core/tokens.ts';
import type { CommentRecord, Platform, SandboxAccount } from '../types.ts';
import { GraphError, graphError } from './errors.ts';

export type GraphParams = Record<string, unknown>;

/** Graph takes parameters from the query string, a form body or a JSON body alike. */
export function graphParams(req: FastifyRequest): GraphParams {
  const body = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {};
  return { ...(req.query as GraphParams), ...(body as GraphParams) };
}

/** Object parameters may arrive JSON-encoded in a form field (`recipient={"id":"…"}`). */
export function objectParam(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function stringParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function rawToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header) : null;
  if (match) return match[1];
  return stringParam(graphParams(req).access_token);
}

/** The caller's token, or the Graph error a real call would get (104 none, 190 bad/expired/revoked). */
export function authenticate(ctx: SandboxContext, req: FastifyRequest): TokenClaims {
  const raw = rawToken(req);
  if (!raw) throw graphError.noToken();
  const check = checkToken(ctx, raw);
  if (check.ok && check.claims.platform !== 'x') return check.claims;
  if (!check.ok && check.reason === 'expired') throw graphError.expiredToken();
  if (!check.ok && check.reason === 'revoked') throw graphError.revokedToken(ctx.opts.metaAppId);
  throw graphError.invalidToken();
}

export function isAppToken(ctx: SandboxContext, raw: string | undefined): boolean {
  return raw === `${ctx.opts.metaAppId}|${ctx.opts.metaAppSecret}`;
}

export function covers(claims: TokenClaims, platform: Platform, accountId: string): boolean {
  return claims.platform === platform && claims.subjects.some((s) => s.id === accountId);
}

/** Page-level calls (me, subscribed_apps) accept a Page token or the token of the Page's Instagram account. */
export function coversPage(claims: TokenClaims, pageId: string): boolean {
  if (covers(claims, 'facebook', pageId)) return true;
  const ig = instagramOfPage(pageId);
  return ig !== undefined && covers(claims, 'instagram', ig.accountId);
}

export type GraphObject =
  | { type: 'page' | 'instagram' | 'phone'; account: SandboxAccount }
  | { type: 'waba'; id: string }
  | { type: 'comment'; comment: CommentRecord };

export function findObject(ctx: SandboxContext, id: string): GraphObject | undefined {
  if (id === WABA_ID) return { type: 'waba', id };
  const account = findAnyAccount(id);
  if (account?.platform === 'facebook') return { type: 'page', account };
  if (account?.platform === 'instagram') return { type: 'instagram', account };
  if (account?.platform === 'whatsapp') return { type: 'phone', account };
  const comment = ctx.store.comment(id);
  if (comment) return { type: 'comment', comment };
  return undefined;
}

/** The account `me` stands for: the token's Page or Instagram account (the first when there are several). */
export function meAccount(claims: TokenClaims): SandboxAccount | undefined {
  if (claims.kind !== 'page') return undefined;
  const id = claims.subjects[0]?.id;
  return ACCOUNTS.find((a) => a.platform === claims.platform && a.accountId === id);
}

/** Which platform a Graph call concerns, for fault injection: the object in the path, else the token. */
export function platformOf(ctx: SandboxContext, req: FastifyRequest): Platform | undefined {
  const id = (req.params as { id?: string }).id;
  const obj = id ? findObject(ctx, id) : undefined;
  if (obj?.type === 'page') return 'facebook';
  if (obj?.type === 'instagram') return 'instagram';
  if (obj?.type === 'phone' || obj?.type === 'waba') return 'whatsapp';
  if (obj?.type === 'comment') return obj.comment.platform;
  const raw = rawToken(req) ?? stringParam(graphParams(req).input_token);
  const claimed = raw?.split('.')[1];
  if (claimed === 'facebook' || claimed === 'instagram' || claimed === 'whatsapp') return claimed;
  const code = stringParam(graphParams(req).code);
  return code ? ctx.codes.find(code)?.platform : undefined;
}

export function requireString(params: GraphParams, name: string): string {
  const value = stringParam(params[name]);
  if (!value) throw graphError.param(`The parameter ${name} is required`);
  return value;
}

export { GraphError };
