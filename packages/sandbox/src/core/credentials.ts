import { findAccount } from '../accounts.ts';
import type { Platform } from '../types.ts';
import type { SandboxContext } from './context.ts';
import { defaultFields, subscriptionKey } from './subscriptions.ts';
import type { TokenClaims } from './tokens.ts';

export const X_ACCESS_TTL_MS = 2 * 60 * 60_000;
/** A long-lived Facebook user token lasts about 60 days. */
export const META_USER_TTL_MS = 60 * 24 * 60 * 60_000;

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

/** Signature, expiry, then revocation: a token dies when any account it names was revoked after it was issued. */
export function checkToken(ctx: SandboxContext, raw: string): TokenCheck {
  const claims = ctx.tokens.parse(raw);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (claims.expiresAt !== undefined && claims.expiresAt <= ctx.now())
    return { ok: false, reason: 'expired' };
  if (claims.kind !== 'app')
    for (const s of claims.subjects)
      if (s.gen < ctx.store.generation(claims.platform, s.id)) return { ok: false, reason: 'revoked' };
  return { ok: true, claims };
}

export function issueToken(
  ctx: SandboxContext,
  platform: Platform,
  kind: TokenClaims['kind'],
  accountIds: string[],
  ttlMs?: number,
): string {
  const now = ctx.now();
  return ctx.tokens.sign({
    platform,
    kind,
    subjects: accountIds.map((id) => ({ id, gen: ctx.store.generation(platform, id) })),
    issuedAt: now,
    ...(ttlMs !== undefined ? { expiresAt: now + ttlMs } : {}),
  });
}

export type Grant = { accessToken: string; refreshToken?: string; expiresAt?: number };

export function issueXTokens(ctx: SandboxContext, userId: string, withRefresh: boolean): Grant {
  const accessToken = issueToken(ctx, 'x', 'access', [userId], X_ACCESS_TTL_MS);
  return {
    accessToken,
    ...(withRefresh ? { refreshToken: issueToken(ctx, 'x', 'refresh', [userId]) } : {}),
    expiresAt: ctx.now() + X_ACCESS_TTL_MS,
  };
}

/**
 * The credentials a finished OAuth connection would hold for one account, and its app subscription
 * switched on: lets the demo seed pre-connect accounts without a browser.
 */
export function issueGrant(ctx: SandboxContext, platform: Platform, accountId: string): Grant {
  if (!findAccount(platform, accountId)) throw new Error(`No sandbox ${platform} account ${accountId}`);
  ctx.store.subscribe(subscriptionKey(platform, accountId), defaultFields(platform), ctx.now());
  if (platform === 'x') return issueXTokens(ctx, accountId, true);
  // Page tokens never expire; the WhatsApp token stands for a system-user token, which does not either.
  return { accessToken: issueToken(ctx, platform, platform === 'whatsapp' ? 'user' : 'page', [accountId]) };
}
