import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import type { CrmFaults } from './faults.ts';
import type { SandboxCrmOptions } from './options.ts';
import type { CrmStore } from './store.ts';
import type { CrmTokenSigner } from './tokens.ts';

/** Everything a CRM route needs, built once per sandbox. */
export type CrmContext = {
  sandbox: SandboxContext;
  opts: SandboxCrmOptions;
  store: CrmStore;
  tokens: CrmTokenSigner;
  faults: CrmFaults;
  now: () => number;
};

/**
 * The absolute URL of this vendor's stand-in as the caller reached it (`http://host:port/sandbox/crm/zoho`):
 * token answers point back into it (Salesforce instance_url, Zoho api_domain, Pipedrive api_domain).
 */
export function publicBase(req: FastifyRequest, app: FastifyInstance): string {
  return `${req.protocol}://${req.host}${app.prefix}`;
}
