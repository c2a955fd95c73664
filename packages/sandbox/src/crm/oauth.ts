/**
 * The OAuth 2 authorisation-code grant as all four vendors run it: a code for one account, single
 * use, bound to client and redirect_uri; an access token with a lifetime and a refresh token that
 * mints new ones until it is revoked. Each vendor's token route shapes the answer and errors.
 */
import type { CrmContext } from './context.ts';
import type { CrmAuthCode } from './store.ts';
import { type CrmTokenClaims, newGrantId } from './tokens.ts';
import type { CrmAccount, CrmVendor } from './types.ts';

/** Access-token lifetimes: HubSpot 30 min, Salesforce's default 2-hour session, Zoho and Pipedrive 1 hour. */
export const ACCESS_TTL_S: Record<CrmVendor, number> = {
  hubspot: 1800,
  salesforce: 7200,
  zoho: 3600,
  pipedrive: 3599,
};

export type Issued = {
  account: CrmAccount;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
  claims: CrmTokenClaims;
};

export type GrantFailure = {
  ok: false;
  error: 'invalid_client' | 'invalid_grant' | 'invalid_request';
  description: string;
};

function issue(
  c: CrmContext,
  vendor: CrmVendor,
  account: CrmAccount,
  base: { grant: string; clientId: string; scope: string },
  refreshToken?: string,
): Issued {
  const now = c.now();
  const ttl = ACCESS_TTL_S[vendor];
  const common = {
    vendor,
    accountId: account.id,
    gen: c.store.generation(vendor, account.id),
    grant: base.grant,
    clientId: base.clientId,
    scope: base.scope,
    issuedAt: now,
    ...(account.dc ? { dc: account.dc } : {}),
  };
  const claims: CrmTokenClaims = { ...common, kind: 'access', expiresAt: now + ttl * 1000 };
  return {
    account,
    accessToken: c.tokens.sign(claims),
    refreshToken: refreshToken ?? c.tokens.sign({ ...common, kind: 'refresh' }),
    expiresIn: ttl,
    scope: base.scope,
    claims,
  };
}

function checkClient(
  c: CrmContext,
  vendor: CrmVendor,
  clientId?: string,
  secret?: string,
): GrantFailure | undefined {
  const app = c.opts.apps[vendor];
  if (clientId !== app.clientId || secret !== app.clientSecret)
    return { ok: false, error: 'invalid_client', description: 'client_id or client_secret is wrong' };
  return undefined;
}

export function exchangeCode(
  c: CrmContext,
  vendor: CrmVendor,
  p: { code?: string; clientId?: string; clientSecret?: string; redirectUri?: string; accountsHost?: string },
): ({ ok: true } & Issued) | GrantFailure {
  const bad = checkClient(c, vendor, p.clientId, p.clientSecret);
  if (bad) return bad;
  if (!p.code) return { ok: false, error: 'invalid_request', description: 'code is missing' };
  const code: CrmAuthCode | undefined = c.store.takeCode(p.code);
  if (!code || code.vendor !== vendor || code.clientId !== p.clientId)
    return { ok: false, error: 'invalid_grant', description: 'the code is unknown, used or expired' };
  if (code.redirectUri !== p.redirectUri)
    return {
      ok: false,
      error: 'invalid_grant',
      description: 'redirect_uri does not match the authorisation request',
    };
  if (code.accountsHost !== undefined && code.accountsHost !== p.accountsHost)
    return { ok: false, error: 'invalid_grant', description: 'the code belongs to another accounts server' };
  const account = c.store.account(vendor, code.accountId);
  if (!account) return { ok: false, error: 'invalid_grant', description: 'the account no longer exists' };
  return {
    ok: true,
    ...issue(c, vendor, account, { grant: newGrantId(), clientId: code.clientId, scope: code.scope }),
  };
}

export function refreshGrant(
  c: CrmContext,
  vendor: CrmVendor,
  p: { refreshToken?: string; clientId?: string; clientSecret?: string },
): ({ ok: true } & Issued) | GrantFailure {
  const bad = checkClient(c, vendor, p.clientId, p.clientSecret);
  if (bad) return bad;
  const claims = p.refreshToken ? c.tokens.parse(p.refreshToken) : undefined;
  const account = claims ? c.store.account(vendor, claims.accountId) : undefined;
  if (
    !claims ||
    !account ||
    claims.kind !== 'refresh' ||
    claims.vendor !== vendor ||
    claims.clientId !== p.clientId ||
    c.store.isGrantRevoked(claims.grant) ||
    claims.gen < c.store.generation(vendor, claims.accountId)
  )
    return { ok: false, error: 'invalid_grant', description: 'the refresh token is unknown or revoked' };
  // The same refresh token keeps working: none of the four rotate it on refresh.
  return { ok: true, ...issue(c, vendor, account, claims, p.refreshToken) };
}

export type AccessCheck =
  | { ok: true; claims: CrmTokenClaims; account: CrmAccount }
  | { ok: false; reason: 'invalid' | 'expired' | 'revoked' };

/** An API call's OAuth access token: signature, vendor, expiry, then revocation. */
export function checkAccess(c: CrmContext, vendor: CrmVendor, raw: string): AccessCheck {
  const claims = c.tokens.parse(raw);
  if (!claims || claims.vendor !== vendor || claims.kind !== 'access')
    return { ok: false, reason: 'invalid' };
  if (claims.expiresAt !== undefined && claims.expiresAt <= c.now()) return { ok: false, reason: 'expired' };
  if (c.store.isGrantRevoked(claims.grant) || claims.gen < c.store.generation(vendor, claims.accountId))
    return { ok: false, reason: 'revoked' };
  const account = c.store.account(vendor, claims.accountId);
  return account ? { ok: true, claims, account } : { ok: false, reason: 'invalid' };
}

/** Revoking either token of a grant ends the whole grant (what "uninstall"/revoke does at each vendor). */
export function revokeToken(c: CrmContext, vendor: CrmVendor, raw: string | undefined): boolean {
  const claims = raw ? c.tokens.parse(raw) : undefined;
  if (!claims || claims.vendor !== vendor) return false;
  c.store.revokeGrant(claims.grant);
  return true;
}
