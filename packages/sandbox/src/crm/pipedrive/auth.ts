import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CrmContext } from '../context.ts';
import { checkAccess } from '../oauth.ts';
import type { CrmAccount } from '../types.ts';
import { pipedrive } from './errors.ts';

/** A personal API token: 40 hex characters. Each one is a company of its own in the sandbox. */
const API_TOKEN = /^[0-9a-f]{40}$/;
export const GENERIC_DOMAIN = 'api.pipedrive.com';

export function apiTokenCompany(token: string): { id: string; name: string; host: string } {
  const id = `9${String(createHash('sha256').update(token).digest().readUInt32BE(0) % 1_000_000).padStart(6, '0')}`;
  return { id, name: `Company ${id}`, host: `company-${id}.pipedrive.com` };
}

/**
 * `x-api-token` (what the SDK sends) or `?api_token=` against api.pipedrive.com or the company
 * domain; an OAuth Bearer token only against the company's api_domain.
 */
export function authenticatePipedrive(c: CrmContext, req: FastifyRequest): CrmAccount {
  const { domain = '' } = req.params as { domain?: string };
  const header = req.headers['x-api-token'];
  const apiToken = typeof header === 'string' ? header : (req.query as { api_token?: string }).api_token;
  if (apiToken) {
    if (!API_TOKEN.test(apiToken)) throw pipedrive.unauthorized();
    const company = apiTokenCompany(apiToken);
    if (c.store.generation('pipedrive', company.id) > 0) throw pipedrive.unauthorized();
    if (domain !== GENERIC_DOMAIN && domain !== company.host) throw pipedrive.unauthorized();
    return c.store.accountFor('pipedrive', company);
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer) throw pipedrive.unauthorized();
  const check = checkAccess(c, 'pipedrive', bearer);
  if (!check.ok || check.account.host !== domain) throw pipedrive.unauthorized();
  return check.account;
}
