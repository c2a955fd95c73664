import { opaqueCode } from '../ids.ts';
import type { Platform } from '../types.ts';

export const CODE_TTL_MS = 10 * 60_000;

/** An authorisation code handed to the redirect_uri: single use, ten minutes, bound to its redirect_uri. */
export type AuthCode = {
  platform: Platform;
  accountIds: string[];
  clientId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
  usedAt?: number;
  codeChallenge?: string;
  codeChallengeMethod?: string;
};

export type AuthCodes = {
  issue(code: Omit<AuthCode, 'expiresAt'>): string;
  /** The code's record, used or not, while it is remembered (until it expires). */
  find(code: string): AuthCode | undefined;
};

export function createAuthCodes(now: () => number): AuthCodes {
  // Codes live in memory only: a restart during a ten-minute consent simply means consenting again.
  const codes = new Map<string, AuthCode>();
  const prune = () => {
    const t = now();
    for (const [k, v] of codes) if (v.expiresAt <= t) codes.delete(k);
  };
  return {
    issue(record) {
      prune();
      const code = opaqueCode(record.platform === 'x' ? '' : 'AQ');
      codes.set(code, { ...record, expiresAt: now() + CODE_TTL_MS });
      return code;
    },
    find(code) {
      const record = codes.get(code);
      if (record && record.expiresAt <= now()) {
        codes.delete(code);
        return undefined;
      }
      return record;
    },
  };
}
