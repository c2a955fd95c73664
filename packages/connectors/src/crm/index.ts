/**
 * CRM connectors: one interface (types.ts), four vendors. `createCrmConnector` loads the vendor's
 * folder on first use, so a process that never syncs a CRM never loads a CRM SDK (each costs
 * 30–45 MB). Connecting (OAuth, API tokens) and the HubSpot webhook check load no SDK at all.
 */
import { createHubspotAuth } from './hubspot/auth.ts';
import { createPipedriveAuth } from './pipedrive/auth.ts';
import { createSalesforceAuth } from './salesforce/auth.ts';
import type { CrmAppConfig, CrmAuth, CrmConnector, CrmCredentials, CrmVendor } from './types.ts';
import { createZohoAuth } from './zoho/auth.ts';

export { HUBSPOT_SCOPES } from './hubspot/auth.ts';
export {
  HUBSPOT_REPLAY_WINDOW_MS,
  type HubspotSignatureInput,
  type HubspotWebhookChange,
  parseHubspotWebhook,
  verifyHubspotSignatureV3,
} from './hubspot/webhook.ts';
export { SALESFORCE_SCOPES } from './salesforce/auth.ts';
export { KEY_FIELD as CRM_KEY_FIELDS, KEY_LABEL as CRM_KEY_LABEL } from './shared/key-field.ts';
export * from './types.ts';
export { ZOHO_SCOPES } from './zoho/auth.ts';
export { ZOHO_REGIONS, type ZohoRegion } from './zoho/dc.ts';

export async function createCrmConnector(
  vendor: CrmVendor,
  creds: CrmCredentials,
  app: CrmAppConfig,
): Promise<CrmConnector> {
  switch (vendor) {
    case 'hubspot':
      return (await import('./hubspot/connector.ts')).createHubspotConnector(creds, app);
    case 'salesforce':
      return (await import('./salesforce/connector.ts')).createSalesforceConnector(creds, app);
    case 'zoho':
      return (await import('./zoho/connector.ts')).createZohoConnector(creds, app);
    case 'pipedrive':
      return (await import('./pipedrive/connector.ts')).createPipedriveConnector(creds, app);
  }
}

export function createCrmAuth(vendor: CrmVendor, app: CrmAppConfig): CrmAuth {
  switch (vendor) {
    case 'hubspot':
      return createHubspotAuth(app);
    case 'salesforce':
      return createSalesforceAuth(app);
    case 'zoho':
      return createZohoAuth(app);
    case 'pipedrive':
      return createPipedriveAuth(app);
  }
}
