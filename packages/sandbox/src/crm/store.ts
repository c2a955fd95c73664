import { CODE_TTL_MS } from '../core/auth-codes.ts';
import { cap } from '../core/capped.ts';
import { opaqueCode } from '../ids.ts';
import type { SandboxCrmOptions } from './options.ts';
import type { SeedAccount, VendorSpec } from './spec.ts';
import { CRM_VENDORS, type CrmAccount, type CrmVendor } from './types.ts';

/** An authorisation code: single use, ten minutes, bound to its client, redirect_uri and (Zoho) accounts server. */
export type CrmAuthCode = {
  vendor: CrmVendor;
  accountId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  /** Zoho: the accounts server (host) that issued the code; the exchange must go there. */
  accountsHost?: string;
  expiresAt: number;
};

export type LoggedRequest = {
  at: string;
  method: string;
  /** Path below /crm/<vendor>, starting with the real host: `/api.hubapi.com/crm/v3/…`. */
  path: string;
  query: Record<string, string>;
  /** `Bearer`, `Zoho-oauthtoken`, `x-api-token`, `api_token`, `Basic` or `none`: never the secret itself. */
  auth: string;
  body: unknown;
  status: number;
};

const MAX_CODES = 10_000;
const MAX_REVOKED = 10_000;

export type CrmStore = ReturnType<typeof createCrmStore>;

export function createCrmStore(
  opts: SandboxCrmOptions,
  specs: Record<CrmVendor, VendorSpec>,
  now: () => number,
) {
  const accounts = new Map<string, CrmAccount>();
  const codes = new Map<string, CrmAuthCode>();
  const revokedGrants = new Set<string>();
  const generations = new Map<string, number>();
  const requests = Object.fromEntries(CRM_VENDORS.map((v) => [v, [] as LoggedRequest[]])) as Record<
    CrmVendor,
    LoggedRequest[]
  >;

  const key = (vendor: CrmVendor, id: string) => `${vendor}:${id}`;

  const create = (vendor: CrmVendor, seed: SeedAccount): CrmAccount => {
    const spec = specs[vendor];
    const account: CrmAccount = {
      vendor,
      id: seed.id,
      name: seed.name,
      ...(seed.host ? { host: seed.host } : {}),
      ...(seed.dc ? { dc: seed.dc } : {}),
      owners: spec.owners,
      fields: new Map(spec.fields().map((f) => [f.name, f])),
      records: new Map(),
      unique: new Map(),
      notes: [],
      nextId: 1,
    };
    accounts.set(key(vendor, seed.id), account);
    return account;
  };

  return {
    specs,
    /** A seeded account (created on first use) or one already made from a private-app token. */
    account(vendor: CrmVendor, id: string): CrmAccount | undefined {
      const existing = accounts.get(key(vendor, id));
      if (existing) return existing;
      const seed = specs[vendor].seeded.find((s) => s.id === id);
      return seed ? create(vendor, seed) : undefined;
    },
    /** The account a private-app token or API key stands for, made on first sight. */
    accountFor(vendor: CrmVendor, seed: SeedAccount): CrmAccount {
      return accounts.get(key(vendor, seed.id)) ?? create(vendor, seed);
    },
    accounts(vendor: CrmVendor): CrmAccount[] {
      for (const s of specs[vendor].seeded) this.account(vendor, s.id);
      return [...accounts.values()].filter((a) => a.vendor === vendor);
    },

    issueCode(code: Omit<CrmAuthCode, 'expiresAt'>): string {
      const t = now();
      for (const [k, v] of codes) if (v.expiresAt <= t) codes.delete(k);
      const value = opaqueCode('');
      codes.set(value, { ...code, expiresAt: t + CODE_TTL_MS });
      cap(codes, MAX_CODES);
      return value;
    },
    /** Consumes a code: a second exchange of the same code fails like an unknown one. */
    takeCode(value: string): CrmAuthCode | undefined {
      const code = codes.get(value);
      codes.delete(value);
      return code && code.expiresAt > now() ? code : undefined;
    },

    generation: (vendor: CrmVendor, accountId: string) => generations.get(key(vendor, accountId)) ?? 0,
    /** Every token of the account dies: the admin uninstalled the app or the user was deactivated. */
    revokeAccount(vendor: CrmVendor, accountId: string) {
      generations.set(key(vendor, accountId), (generations.get(key(vendor, accountId)) ?? 0) + 1);
    },
    revokeGrant(grant: string) {
      revokedGrants.add(grant);
      for (const g of revokedGrants) {
        if (revokedGrants.size <= MAX_REVOKED) break;
        revokedGrants.delete(g);
      }
    },
    isGrantRevoked: (grant: string) => revokedGrants.has(grant),

    log(vendor: CrmVendor, entry: LoggedRequest) {
      const list = requests[vendor];
      list.push(entry);
      if (list.length > opts.requestLog) list.splice(0, list.length - opts.requestLog);
    },
    requests: (vendor: CrmVendor): readonly LoggedRequest[] => requests[vendor],
    clearRequests(vendor: CrmVendor) {
      requests[vendor].length = 0;
    },
  };
}
