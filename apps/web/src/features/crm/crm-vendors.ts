import type { CrmVendorId } from '@replyforce/contracts';

// The contracts' CRM_VENDOR_IDS lives next to zod schemas; this copy keeps zod out of the bundle.
export const CRM_VENDORS: readonly CrmVendorId[] = ['hubspot', 'salesforce', 'zoho', 'pipedrive'];

export interface TokenOption {
  /** What the vendor calls it, for the field's label. */
  name: string;
  /** The same with its article, for sentences ("an API token"). */
  aName: string;
  /** Where the admin finds it in the CRM. */
  hint: string;
  /** Pipedrive tokens belong to a company domain, which may differ from api.pipedrive.com. */
  domain: boolean;
}

export interface CrmVendorInfo {
  label: string;
  /** What a lead becomes there. */
  record: string;
  brings: string;
  /** Connecting with a token instead of the consent page, where the vendor offers it (docs/crm-sync.md). */
  token: TokenOption | null;
  /** Zoho signs people in at their data centre's accounts server. */
  regions: boolean;
}

export const CRM_VENDOR_INFO: Record<CrmVendorId, CrmVendorInfo> = {
  hubspot: {
    label: 'HubSpot',
    record: 'contact',
    brings:
      'Leads become HubSpot contacts with their lead status and score, and a note with the conversation.',
    token: {
      name: 'private-app token',
      aName: 'a private-app token',
      hint: 'In HubSpot: Settings → Integrations → Private apps, with the contacts read and write scopes.',
      domain: false,
    },
    regions: false,
  },
  salesforce: {
    label: 'Salesforce',
    record: 'lead',
    brings:
      'Leads become Salesforce Leads with status, rating and lead source, and a note with the conversation.',
    token: null,
    regions: false,
  },
  zoho: {
    label: 'Zoho CRM',
    record: 'lead',
    brings: 'Leads become Zoho CRM Leads with status and lead source, and a note with the conversation.',
    token: null,
    regions: true,
  },
  pipedrive: {
    label: 'Pipedrive',
    record: 'person',
    brings:
      'Leads become Pipedrive persons with their name, email and phone, and a note with the conversation.',
    token: {
      name: 'API token',
      aName: 'an API token',
      hint: 'In Pipedrive: Personal preferences → API.',
      domain: true,
    },
    regions: false,
  },
};

/**
 * Zoho's data centres. The values are the ones the server's Zoho connector knows
 * (packages/connectors/src/crm/zoho/dc.ts); it treats anything else as the US centre.
 */
export const ZOHO_REGIONS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'us', label: 'United States (zoho.com)' },
  { value: 'eu', label: 'Europe (zoho.eu)' },
  { value: 'in', label: 'India (zoho.in)' },
  { value: 'au', label: 'Australia (zoho.com.au)' },
  { value: 'jp', label: 'Japan (zoho.jp)' },
  { value: 'ca', label: 'Canada (zohocloud.ca)' },
  { value: 'cn', label: 'China (zoho.com.cn)' },
  { value: 'sa', label: 'Saudi Arabia (zoho.sa)' },
];

export function isCrmVendor(value: string | null | undefined): value is CrmVendorId {
  return typeof value === 'string' && (CRM_VENDORS as readonly string[]).includes(value);
}

export function crmVendorLabel(vendor: string): string {
  return isCrmVendor(vendor) ? CRM_VENDOR_INFO[vendor].label : vendor;
}
