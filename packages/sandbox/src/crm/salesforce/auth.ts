import type { FastifyRequest } from 'fastify';
import type { CrmContext } from '../context.ts';
import { checkAccess } from '../oauth.ts';
import type { CrmAccount } from '../types.ts';
import { salesforce } from './errors.ts';

/** Bearer session of the org whose instance is in the URL; another org's token is just invalid there. */
export function authenticateSalesforce(c: CrmContext, req: FastifyRequest): CrmAccount {
  const token = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const { instance } = req.params as { instance?: string };
  if (!token) throw salesforce.unauthorized();
  const check = checkAccess(c, 'salesforce', token);
  if (!check.ok || check.account.host !== instance) throw salesforce.unauthorized();
  return check.account;
}
