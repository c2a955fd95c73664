/**
 * The one interface every CRM connector implements (HubSpot, Salesforce, Zoho, Pipedrive). Core's
 * sync service speaks only this; the conformance suite runs the same cases against each vendor's
 * sandbox. Failures are ConnectorError with the shared FailureKind, so retries, Retry-After,
 * needs_reauth and the DLQ are decided in one place in core.
 */
export type CrmVendor = 'hubspot' | 'salesforce' | 'zoho' | 'pipedrive';
export const CRM_VENDORS: readonly CrmVendor[] = ['hubspot', 'salesforce', 'zoho', 'pipedrive'];

/** What a connection holds once authorised (stored encrypted by core). */
export type CrmCredentials = {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; absent for tokens that do not expire (private-app tokens, API keys). */
  expiresAt?: number;
  /** Salesforce instance_url, Zoho api_domain, Pipedrive api_domain; absent for HubSpot. */
  apiBase?: string;
  /** Zoho: the accounts server the code came from (token refresh goes there). */
  accountsServer?: string;
  /** The CRM account's id (HubSpot hub_id, Salesforce org id, …), shown in status. */
  accountId?: string;
};

/** Vendor app configuration from the operator's config (client id/secret, base URLs for the sandbox). */
export type CrmAppConfig = {
  clientId: string;
  clientSecret: string;
  /** Overrides every vendor host (the sandbox); the real hosts when absent. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export type CrmField = {
  name: string;
  label: string;
  type: 'string' | 'enumeration' | 'number' | 'date' | 'boolean' | 'other';
  /** Allowed values for enumerations / picklists (the internal value, not the label). */
  options?: string[];
  /** The options' names where the value is an id (Pipedrive labels): value → name. */
  optionLabels?: Record<string, string>;
  readOnly?: boolean;
  custom?: boolean;
};

/** One contact/lead to upsert. `externalKey` is ReplyForce's stable key (contact id) so retries never duplicate. */
export type CrmRecordInput = {
  externalKey: string;
  email?: string;
  /** Vendor field name → value, already mapped by core. */
  fields: Record<string, string>;
};

export type CrmUpsertResult =
  | { externalKey: string; ok: true; recordId: string; created: boolean }
  | { externalKey: string; ok: false; kind: 'permanent' | 'temporary' | 'not_found'; message: string };

export type CrmNoteInput = {
  recordId: string;
  title: string;
  /** Plain text or simple HTML; the conversation summary and a link back. */
  body: string;
  at: Date;
};

export type CrmNoteResult =
  | { recordId: string; ok: true; noteId: string }
  | { recordId: string; ok: false; message: string };

/** A change made in the CRM that ReplyForce shows on the lead. */
export type CrmRecordChange = {
  recordId: string;
  externalKey?: string;
  email?: string;
  owner?: string;
  status?: string;
  changedAt: Date;
};

export interface CrmConnector {
  readonly vendor: CrmVendor;
  /** Records per upsert call (HubSpot 100, Salesforce 200, Zoho 100, Pipedrive 1). */
  readonly maxBatchSize: number;
  /** The vendor's documented request budget, which core's limiter enforces per connection. */
  readonly rateLimit: { limit: number; windowMs: number };
  listFields(): Promise<CrmField[]>;
  /** Creates missing custom properties where the vendor allows; a no-op elsewhere. */
  ensureFields(fields: Array<Pick<CrmField, 'name' | 'label' | 'type' | 'options'>>): Promise<void>;
  upsert(records: CrmRecordInput[]): Promise<CrmUpsertResult[]>;
  addNotes(notes: CrmNoteInput[]): Promise<CrmNoteResult[]>;
  /** Records whose owner or status changed since `since` (the periodic pull). */
  changesSince(since: Date): Promise<CrmRecordChange[]>;
  /** GDPR: deletes the record, or blanks its personal fields when `mode` is 'anonymise'. */
  erase(recordId: string, mode: 'delete' | 'anonymise'): Promise<void>;
}

/** OAuth 2 authorisation code flow, or a pasted private-app token / API key. */
export interface CrmAuth {
  readonly vendor: CrmVendor;
  authorizeUrl(opts: { redirectUri: string; state: string; region?: string }): string;
  /** `extra` carries the vendor's redirect parameters (Zoho `accounts-server`, `location`). */
  exchangeCode(opts: {
    code: string;
    redirectUri: string;
    extra?: Record<string, string>;
  }): Promise<CrmCredentials>;
  refresh(creds: CrmCredentials): Promise<CrmCredentials>;
  /** For vendors with private-app tokens or API keys; checks the token with one call. */
  fromApiToken?(token: string, opts?: { apiBase?: string }): Promise<CrmCredentials>;
  revoke?(creds: CrmCredentials): Promise<void>;
}
