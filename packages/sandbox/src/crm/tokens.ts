import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CRM_VENDORS, type CrmVendor } from './types.ts';

/**
 * CRM OAuth tokens: self-describing and signed with the sandbox secret, so they survive a restart.
 * `grant` ties an access token to the consent it came from (revoking a refresh token ends the
 * grant); `gen` is the account's generation (a control-endpoint revocation ends every grant).
 */
export type CrmTokenClaims = {
  vendor: CrmVendor;
  kind: 'access' | 'refresh';
  accountId: string;
  gen: number;
  grant: string;
  clientId: string;
  /** Zoho: the data centre the token belongs to (an EU token is unknown to the US API). */
  dc?: string;
  scope: string;
  issuedAt: number;
  expiresAt?: number;
};

const PREFIX = 'sbxcrm_';

export type CrmTokenSigner = {
  sign(claims: CrmTokenClaims): string;
  parse(token: string): CrmTokenClaims | undefined;
};

export function createCrmTokenSigner(secret: string): CrmTokenSigner {
  const mac = (payload: string) => createHmac('sha256', `crm:${secret}`).update(payload).digest('base64url');
  return {
    sign(claims) {
      const payload = Buffer.from(
        JSON.stringify({ ...claims, n: randomBytes(6).toString('base64url') }),
      ).toString('base64url');
      return `${PREFIX}${payload}.${mac(payload)}`;
    },
    parse(token) {
      if (!token.startsWith(PREFIX)) return undefined;
      const [payload = '', sig = ''] = token.slice(PREFIX.length).split('.');
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CrmTokenClaims;
        return CRM_VENDORS.includes(claims.vendor) ? claims : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export const newGrantId = () => randomBytes(9).toString('base64url');
