import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import { createPoster } from '../webhooks/http-post.ts';
import { changeRecord, type RecordChange } from './change-record.ts';
import type { CrmContext } from './context.ts';
import { crmControlPlugin } from './control.ts';
import { type CrmFaultInput, createCrmFaults, crmFaultSchema } from './faults.ts';
import { privateAppHubId } from './hubspot/auth.ts';
import { hubspotPlugin } from './hubspot/plugin.ts';
import { HUBSPOT_SPEC } from './hubspot/spec.ts';
import type { SandboxCrmOptions } from './options.ts';
import { apiTokenCompany } from './pipedrive/auth.ts';
import { pipedrivePlugin } from './pipedrive/plugin.ts';
import { PIPEDRIVE_SPEC } from './pipedrive/spec.ts';
import { salesforcePlugin } from './salesforce/plugin.ts';
import { SALESFORCE_SPEC } from './salesforce/spec.ts';
import { createCrmStore, type LoggedRequest } from './store.ts';
import { createCrmTokenSigner } from './tokens.ts';
import type { CrmAccount, CrmRecord, CrmVendor } from './types.ts';
import { zohoPlugin } from './zoho/plugin.ts';
import { ZOHO_SPEC } from './zoho/spec.ts';

export type { CrmOptionsInput, SandboxCrmOptions } from './options.ts';
export type { LoggedRequest } from './store.ts';
export type { CrmAccount, CrmNote, CrmRecord, CrmVendor } from './types.ts';
export { CRM_VENDORS } from './types.ts';
export { ZOHO_DCS } from './zoho/dc.ts';

/** The CRM stand-ins' state, for tests and the demo (the same things /control/crm offers over HTTP). */
export type CrmSandbox = {
  options: SandboxCrmOptions;
  accounts(vendor: CrmVendor): CrmAccount[];
  account(vendor: CrmVendor, accountId: string): CrmAccount | undefined;
  /** The account a HubSpot `pat-sandbox-…` token or a Pipedrive API token stands for (made on first use). */
  accountForToken(vendor: 'hubspot' | 'pipedrive', token: string): CrmAccount;
  requests(vendor: CrmVendor): readonly LoggedRequest[];
  clearRequests(vendor: CrmVendor): void;
  setFault(vendor: CrmVendor, fault: Partial<CrmFaultInput> & Pick<CrmFaultInput, 'mode'>): void;
  change(vendor: CrmVendor, accountId: string, recordId: string, change: RecordChange): Promise<CrmRecord>;
  /** Every token of the account stops working (the app was uninstalled). */
  revoke(vendor: CrmVendor, accountId: string): void;
};

export function createCrmSandbox(sandbox: SandboxContext, opts: SandboxCrmOptions) {
  const specs = {
    hubspot: HUBSPOT_SPEC,
    salesforce: SALESFORCE_SPEC,
    zoho: ZOHO_SPEC,
    pipedrive: PIPEDRIVE_SPEC,
  };
  const c: CrmContext = {
    sandbox,
    opts,
    store: createCrmStore(opts, specs, sandbox.now),
    tokens: createCrmTokenSigner(sandbox.opts.secret),
    faults: createCrmFaults(),
    now: sandbox.now,
  };
  const poster = createPoster(sandbox.opts.timing.webhookTimeoutMs, 16);
  const plugins: Record<CrmVendor, (app: FastifyInstance) => Promise<void>> = {
    hubspot: hubspotPlugin(c),
    salesforce: salesforcePlugin(c),
    zoho: zohoPlugin(c),
    pipedrive: pipedrivePlugin(c),
  };
  const api: CrmSandbox = {
    options: opts,
    accounts: (vendor) => c.store.accounts(vendor),
    account: (vendor, id) => c.store.account(vendor, id),
    accountForToken(vendor, token) {
      if (vendor === 'hubspot') {
        const label = token.replace(/^pat-sandbox-/, '');
        return c.store.accountFor('hubspot', {
          id: privateAppHubId(label),
          name: `Private app portal ${label}`,
        });
      }
      return c.store.accountFor('pipedrive', apiTokenCompany(token));
    },
    requests: (vendor) => c.store.requests(vendor),
    clearRequests: (vendor) => c.store.clearRequests(vendor),
    setFault: (vendor, fault) => void c.faults.set(vendor, crmFaultSchema.parse(fault)),
    change: async (vendor, accountId, recordId, change) =>
      (await changeRecord(c, poster, vendor, accountId, recordId, change)).record,
    revoke: (vendor, accountId) => c.store.revokeAccount(vendor, accountId),
  };
  return { plugins, control: crmControlPlugin(c, poster), api, close: () => poster.close() };
}
