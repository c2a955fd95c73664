import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PLATFORMS, type Platform } from '../types.ts';

/**
 * Sandbox tokens are self-describing and signed with the sandbox secret, so they survive a restart
 * without a token table: `sbx.<platform>.<kind>.<id~gen-…>.<issued>.<expires|0>.<nonce>.<hmac>`.
 * Revocation bumps an account's generation (kept in state); a token of an older generation is dead.
 */
export type TokenKind = 'user' | 'page' | 'access' | 'refresh' | 'app';
export type TokenSubject = { id: string; gen: number };
export type TokenClaims = {
  platform: Platform;
  kind: TokenKind;
  subjects: TokenSubject[];
  issuedAt: number;
  expiresAt?: number;
  nonce: string;
};

export type TokenSigner = {
  sign(claims: Omit<TokenClaims, 'nonce'>): string;
  /** The claims of a well-formed token with a valid signature; expiry and revocation are the caller's. */
  parse(token: string): TokenClaims | undefined;
};

const KINDS: readonly TokenKind[] = ['user', 'page', 'access', 'refresh', 'app'];

export function createTokenSigner(secret: string): TokenSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(c) {
      const subjects = c.subjects.map((s) => `${s.id}~${s.gen}`).join('-');
      const payload = [
        'sbx',
        c.platform,
        c.kind,
        subjects,
        c.issuedAt.toString(36),
        (c.expiresAt ?? 0).toString(36),
        randomBytes(9).toString('base64url'),
      ].join('.');
      return `${payload}.${mac(payload)}`;
    },
    parse(token) {
      const parts = token.split('.');
      if (parts.length !== 8 || parts[0] !== 'sbx') return undefined;
      const sig = Buffer.from(parts[7] ?? '');
      const expected = Buffer.from(mac(parts.slice(0, 7).join('.')));
      if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) return undefined;
      const [, platform, kind, subjects = '', issued = '', expires = '', nonce = ''] = parts;
      if (!PLATFORMS.includes(platform as Platform) || !KINDS.includes(kind as TokenKind)) return undefined;
      const expiresAt = Number.parseInt(expires, 36);
      return {
        platform: platform as Platform,
        kind: kind as TokenKind,
        subjects: subjects.split('-').map((s) => {
          const [id = '', gen = '0'] = s.split('~');
          return { id, gen: Number(gen) };
        }),
        issuedAt: Number.parseInt(issued, 36),
        ...(expiresAt > 0 ? { expiresAt } : {}),
        nonce,
      };
    },
  };
}
