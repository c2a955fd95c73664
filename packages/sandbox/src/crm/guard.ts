import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CrmContext } from './context.ts';
import type { CrmHttpError } from './http-error.ts';
import type { CrmLimit } from './options.ts';
import type { CrmAccount, CrmVendor } from './types.ts';

/** How one vendor says no, in its own error shapes. */
export type VendorRefusals = {
  server(): CrmHttpError;
  timeout(): CrmHttpError;
  unauthorized(): CrmHttpError;
  /** `limit` is the window that was exhausted (or the configured one, for an injected 429). */
  limited(retryAfterSeconds: number, limit: CrmLimit, bucket: string): CrmHttpError;
};

export type GuardSpec = {
  vendor: CrmVendor;
  refusals: VendorRefusals;
  /** The account the caller's credentials stand for; throws the vendor's 401. */
  authenticate(req: FastifyRequest): CrmAccount;
  /** Extra buckets a request also counts in (HubSpot search: 5 per second). */
  extraBuckets?(req: FastifyRequest): { name: string; limit: CrmLimit }[];
  /** Headers on every counted answer (HubSpot's X-HubSpot-RateLimit-*). */
  limitHeaders?(reply: FastifyReply, limit: CrmLimit, remaining: number): void;
};

export type Guard = {
  /** Faults, then authentication, then the account's rate limit, as the real APIs order them. */
  preHandler(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  accountOf(req: FastifyRequest): CrmAccount;
};

export function createGuard(c: CrmContext, spec: GuardSpec): Guard {
  const accounts = new WeakMap<FastifyRequest, CrmAccount>();
  const { refusals } = spec;
  return {
    async preHandler(req, reply) {
      const fault = c.faults.take(spec.vendor);
      if (fault?.mode === 'error_5xx') throw refusals.server();
      if (fault?.mode === 'auth_revoked') throw refusals.unauthorized();
      if (fault?.mode === 'rate_limit')
        throw refusals.limited(fault.retryAfterSeconds, c.opts.limits[spec.vendor], 'fault');
      if (fault?.mode === 'timeout') {
        await c.sandbox.timers.hold(c.sandbox.opts.timing.faultHoldMs);
        throw refusals.timeout();
      }
      const account = spec.authenticate(req);
      const buckets = [
        { name: 'main', limit: c.opts.limits[spec.vendor] },
        ...(spec.extraBuckets?.(req) ?? []),
      ];
      const keyOf = (name: string) => `crm:${spec.vendor}:${account.id}:${name}`;
      for (const b of buckets) {
        const peek = c.sandbox.limiter.peek(keyOf(b.name), b.limit.limit, b.limit.windowMs);
        if (!peek.ok) {
          const wait = Math.max(1, Math.ceil((peek.resetAt - c.now()) / 1000));
          throw refusals.limited(wait, b.limit, b.name);
        }
      }
      let remaining = Number.POSITIVE_INFINITY;
      for (const b of buckets) {
        const hit = c.sandbox.limiter.hit(keyOf(b.name), b.limit.limit, b.limit.windowMs);
        if (b.name === 'main') remaining = hit.remaining;
      }
      spec.limitHeaders?.(reply, c.opts.limits[spec.vendor], remaining);
      accounts.set(req, account);
    },
    accountOf(req) {
      const account = accounts.get(req);
      if (!account) throw refusals.unauthorized();
      return account;
    },
  };
}
