import type { CrmVendor } from './types.ts';

export type CrmApp = { clientId: string; clientSecret: string };
export type CrmLimit = { limit: number; windowMs: number };

/** Options of the CRM stand-ins; `SandboxOptions.crm` overrides any part. */
export type SandboxCrmOptions = {
  /** The OAuth app each vendor knows (client id and secret); HubSpot signs its webhooks with the secret. */
  apps: Record<CrmVendor, CrmApp>;
  /** Request budget per CRM account. */
  limits: Record<CrmVendor, CrmLimit>;
  /** HubSpot CRM search: its own, tighter bucket (5 per second per account). */
  hubspotSearch: CrmLimit;
  /**
   * Where HubSpot delivers its signed v3 webhooks (owner / lead status changes), appended to the
   * sandbox target; null switches webhooks off.
   */
  hubspotWebhookPath: string | null;
  /** Caps per account: the oldest records and notes go first. */
  maxRecordsPerAccount: number;
  maxNotesPerAccount: number;
  /** Requests remembered per vendor for GET /control/crm/<vendor>/requests. */
  requestLog: number;
};

export type CrmOptionsInput = {
  apps?: Partial<Record<CrmVendor, CrmApp>>;
  limits?: Partial<Record<CrmVendor, CrmLimit>>;
} & Partial<Omit<SandboxCrmOptions, 'apps' | 'limits'>>;

const DAY = 24 * 60 * 60_000;

export const DEFAULT_CRM_LIMITS: Record<CrmVendor, CrmLimit> = {
  // Private apps on Free/Starter: 100 per 10 s (TEN_SECONDLY_ROLLING), platform-contracts.md §7.4.
  hubspot: { limit: 100, windowMs: 10_000 },
  // The smallest rolling 24-hour org allocation (Enterprise base, §8.5); Salesforce has no per-second limit.
  salesforce: { limit: 100_000, windowMs: DAY },
  // Standard edition base credits per 24 hours (§9.4).
  zoho: { limit: 50_000, windowMs: DAY },
  // The burst limit of the smallest plan: 20 requests per rolling 2 seconds (§10).
  pipedrive: { limit: 20, windowMs: 2_000 },
};

export function resolveCrmOptions(input: CrmOptionsInput = {}): SandboxCrmOptions {
  const app = (vendor: CrmVendor): CrmApp =>
    input.apps?.[vendor] ?? {
      clientId: `${vendor}-sandbox-client`,
      clientSecret: `${vendor}-sandbox-secret`,
    };
  return {
    apps: {
      hubspot: app('hubspot'),
      salesforce: app('salesforce'),
      zoho: app('zoho'),
      pipedrive: app('pipedrive'),
    },
    limits: { ...DEFAULT_CRM_LIMITS, ...input.limits },
    hubspotSearch: input.hubspotSearch ?? { limit: 5, windowMs: 1_000 },
    hubspotWebhookPath:
      input.hubspotWebhookPath === undefined ? '/webhooks/crm/hubspot' : input.hubspotWebhookPath,
    maxRecordsPerAccount: input.maxRecordsPerAccount ?? 50_000,
    maxNotesPerAccount: input.maxNotesPerAccount ?? 20_000,
    // Bodies are kept whole (a HubSpot batch is ~30 KB), so the log stays short.
    requestLog: input.requestLog ?? 200,
  };
}
