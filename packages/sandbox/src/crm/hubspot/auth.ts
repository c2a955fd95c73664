import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CrmContext } from '../context.ts';
import { checkAccess } from '../oauth.ts';
import type { CrmAccount } from '../types.ts';
import { hubspot } from './errors.ts';

/** `pat-sandbox-<label>`: a private-app token; each label is a portal of its own (a benchmark takes a fresh one). */
const PRIVATE_APP = /^pat-sandbox-([A-Za-z0-9_-]{1,64})$/;

export function privateAppHubId(label: string): string {
  const n = createHash('sha256').update(label).digest().readUInt32BE(0) % 10_000_000;
  return `4${String(n).padStart(7, '0')}`;
}

export function hubspotBearer(req: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

export function authenticateHubspot(c: CrmContext, req: FastifyRequest): CrmAccount {
  const token = hubspotBearer(req);
  if (!token) throw hubspot.unauthorized();
  const label = PRIVATE_APP.exec(token)?.[1];
  if (label) {
    const id = privateAppHubId(label);
    // A revoked private-app token stays dead: the account's generation moved past zero.
    if (c.store.generation('hubspot', id) > 0) throw hubspot.unauthorized();
    return c.store.accountFor('hubspot', { id, name: `Private app portal ${label}` });
  }
  const check = checkAccess(c, 'hubspot', token);
  if (check.ok) return check.account;
  throw check.reason === 'expired' ? hubspot.expired() : hubspot.unauthorized();
}
