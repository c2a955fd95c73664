import type {
  CrmAppConfig,
  CrmAuth,
  CrmConnector,
  CrmCredentials,
  CrmVendor,
} from '@replyforce/connectors/crm/types.ts';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

type CrmModule = typeof import('@replyforce/connectors/crm/index.ts');

let loading: Promise<CrmModule> | undefined;

/**
 * The vendor connectors (and their SDKs) are imported on first use: an API process that never
 * touches a CRM, or a worker that consumes other queues, never loads them.
 */
function crmModule(): Promise<CrmModule> {
  loading ??= import('@replyforce/connectors/crm/index.ts');
  return loading;
}

export function crmAppConfig(deps: CoreDeps, vendor: CrmVendor): CrmAppConfig {
  const app = deps.config.crm.apps[vendor];
  return {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    timeoutMs: deps.config.crm.timeoutMs,
    ...(app.baseUrl ? { baseUrl: app.baseUrl } : {}),
  };
}

/** Refuses a vendor this server has no app for (production with only the demo defaults). */
export function assertVendorConfigured(deps: CoreDeps, vendor: CrmVendor): void {
  if (!deps.config.crm.apps[vendor].configured)
    throw new AppError(
      'CONNECT_DENIED',
      `${vendor} is not set up on this server: the operator sets ${vendor.toUpperCase()}_CLIENT_ID and ${vendor.toUpperCase()}_CLIENT_SECRET`,
    );
}

export async function crmAuthFor(deps: CoreDeps, vendor: CrmVendor): Promise<CrmAuth> {
  return (await crmModule()).createCrmAuth(vendor, crmAppConfig(deps, vendor));
}

export async function crmConnectorFor(
  deps: CoreDeps,
  vendor: CrmVendor,
  creds: CrmCredentials,
): Promise<CrmConnector> {
  return (await crmModule()).createCrmConnector(vendor, creds, crmAppConfig(deps, vendor));
}
