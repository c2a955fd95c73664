import { z } from 'zod';
import { DeadLetterDto } from './conversations.ts';

export const CRM_VENDOR_IDS = ['hubspot', 'salesforce', 'zoho', 'pipedrive'] as const;
export type CrmVendorId = (typeof CRM_VENDOR_IDS)[number];
export const CRM_ERASE_MODES = ['delete', 'anonymise'] as const;

/**
 * What ReplyForce knows about a lead, each of which a mapping may send to a CRM field. `lead_tag`
 * goes through the mapping's value map (HOT/WARM/COLD → the CRM's own status values).
 */
export const CRM_SOURCE_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'full_name',
  'phone',
  'username',
  'company',
  'lead_tag',
  'lead_score',
  'intent',
  'lead_source',
  'channel',
  'summary',
  'conversation_url',
  'contact_id',
] as const;
export type CrmSourceField = (typeof CRM_SOURCE_FIELDS)[number];

export const CrmConnectionDto = z.object({
  id: z.uuid(),
  vendor: z.enum(CRM_VENDOR_IDS),
  status: z.enum(['active', 'needs_reauth', 'disconnected']),
  authType: z.enum(['oauth', 'token']),
  /** The CRM account (HubSpot portal id, Salesforce org id, …). */
  accountId: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  eraseMode: z.enum(CRM_ERASE_MODES),
  lastSyncAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type CrmConnectionDto = z.infer<typeof CrmConnectionDto>;
export const CrmConnectionList = z.object({ items: z.array(CrmConnectionDto) });

/** Without `token`: OAuth (the answer has the consent page's URL). With it: a private-app token / API key. */
export const CrmConnectBody = z.strictObject({
  vendor: z.enum(CRM_VENDOR_IDS),
  token: z.string().min(8).max(4096).optional(),
  /** The Pipedrive company domain that goes with an API token. */
  apiBase: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  /** Zoho data centre: us, eu, in, au, jp, cn, ca, sa (packages/connectors/src/crm/zoho/dc.ts). */
  region: z
    .string()
    .regex(/^[a-z.]{2,10}$/)
    .optional(),
  eraseMode: z.enum(CRM_ERASE_MODES).optional(),
});
export const CrmConnectDto = z.object({
  /** Where to send the browser (OAuth); null when a token connected at once. */
  authorizeUrl: z.string().nullable(),
  state: z.uuid().nullable(),
  connection: CrmConnectionDto.nullable(),
});

export const CrmCompleteConnectBody = z.strictObject({
  state: z.uuid(),
  code: z.string().min(1).max(4096).optional(),
  error: z.string().max(200).optional(),
  /** Other redirect parameters the CRM added (Zoho `accounts-server`, `location`). */
  extra: z.record(z.string().max(40), z.string().max(500)).optional(),
});

export const CrmIntegrationPatchBody = z.strictObject({ eraseMode: z.enum(CRM_ERASE_MODES) });

export const CrmMappingEntry = z.strictObject({
  source: z.enum(CRM_SOURCE_FIELDS),
  target: z.string().min(1).max(100),
  /** ReplyForce value → CRM value (e.g. HOT → "Working - Contacted"); a value not listed leaves the CRM field unset. */
  valueMap: z.record(z.string().max(50), z.string().max(200)).nullable().optional(),
});
export const CrmMappingDto = z.object({ items: z.array(CrmMappingEntry) });
export const CrmMappingBody = z.strictObject({ items: z.array(CrmMappingEntry).min(1).max(50) });

export const CrmFieldDto = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  options: z.array(z.string()).optional(),
  readOnly: z.boolean().optional(),
  custom: z.boolean().optional(),
});
export const CrmFieldList = z.object({ items: z.array(CrmFieldDto), fetchedAt: z.iso.datetime() });
export const CrmFieldsQuery = z.object({ refresh: z.enum(['true', 'false']).optional() });

/** The CRM side of a lead, per connection: shown on the lead list and page. */
export const LeadCrmDto = z.object({
  connectionId: z.uuid(),
  vendor: z.string(),
  status: z.enum(['pending', 'syncing', 'synced', 'failed', 'dead']),
  externalId: z.string().nullable(),
  lastSyncedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  /** The record's owner and status as the CRM last reported them. */
  owner: z.string().nullable(),
  crmStatus: z.string().nullable(),
  crmChangedAt: z.iso.datetime().nullable(),
});
export type LeadCrmDto = z.infer<typeof LeadCrmDto>;

export const CrmForceSyncDto = z.object({ queued: z.number().int() });

export const CrmSyncStatusDto = z.object({
  counts: z.object({
    pending: z.number().int(),
    syncing: z.number().int(),
    synced: z.number().int(),
    failed: z.number().int(),
    dead: z.number().int(),
    erasing: z.number().int(),
  }),
  failures: z.array(
    z.object({
      leadId: z.uuid(),
      connectionId: z.uuid(),
      vendor: z.string(),
      status: z.enum(['failed', 'dead']),
      attempts: z.number().int(),
      error: z.string().nullable(),
      errorKind: z.string().nullable(),
      nextAttemptAt: z.iso.datetime().nullable(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  /** The crm queue's dead letters (retry them with POST /crm/sync/dlq/:id/retry). */
  deadLetters: z.array(DeadLetterDto),
});
