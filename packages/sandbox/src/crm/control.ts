import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ControlError, parseInput, sendControlError } from '../control/errors.ts';
import type { Poster } from '../webhooks/http-post.ts';
import { changeRecord, requireCrmAccount } from './change-record.ts';
import type { CrmContext } from './context.ts';
import { crmFaultSchema } from './faults.ts';
import { CRM_VENDORS, type CrmAccount, type CrmRecord, type CrmVendor } from './types.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const VendorParams = z.object({ vendor: z.enum(CRM_VENDORS) });
const AccountParams = VendorParams.extend({ accountId: z.string().min(1) });
const RecordParams = AccountParams.extend({ recordId: z.string().min(1) });
const ChangeBody = z
  .object({ owner: z.string().min(1).optional(), status: z.string().min(1).optional() })
  .refine((b) => b.owner !== undefined || b.status !== undefined, 'give owner, status or both');

export function accountJson(account: CrmAccount) {
  return {
    id: account.id,
    name: account.name,
    ...(account.host ? { host: account.host } : {}),
    ...(account.dc ? { dc: account.dc } : {}),
    owners: account.owners,
    records: account.records.size,
    notes: account.notes.length,
  };
}

export function recordJson(c: CrmContext, vendor: CrmVendor, r: CrmRecord) {
  const spec = c.store.specs[vendor];
  return {
    id: r.id,
    owner: r.values[spec.ownerField] ?? null,
    status: r.values[spec.statusField] ?? null,
    values: r.values,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/**
 * /control/crm/<vendor>: what tests, the demo and the benchmark do "inside the CRM": list an account's
 * records and notes, change a record's owner or status, inject faults, revoke access, read the
 * requests a connector made.
 */
export function crmControlPlugin(c: CrmContext, poster: Poster) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof ControlError) return sendControlError(reply, err);
      const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500;
      return sendControlError(
        reply,
        new ControlError(status, status < 500 ? 'BAD_REQUEST' : 'INTERNAL', err.message),
      );
    });

    app.get('/:vendor/accounts', async (req) => {
      const { vendor } = parseInput(VendorParams, req.params);
      return { accounts: c.store.accounts(vendor).map(accountJson) };
    });

    app.get('/:vendor/accounts/:accountId/records', async (req) => {
      const { vendor, accountId } = parseInput(AccountParams, req.params);
      const account = requireCrmAccount(c, vendor, accountId);
      return {
        records: [...account.records.values()].map((r) => recordJson(c, vendor, r)),
        notes: account.notes.map((n) => ({
          id: n.id,
          recordId: n.recordId,
          title: n.title,
          body: n.body,
          at: iso(n.at),
        })),
      };
    });

    app.post('/:vendor/accounts/:accountId/records/:recordId/change', async (req) => {
      const { vendor, accountId, recordId } = parseInput(RecordParams, req.params);
      const result = await changeRecord(
        c,
        poster,
        vendor,
        accountId,
        recordId,
        parseInput(ChangeBody, req.body),
      );
      return {
        record: recordJson(c, vendor, result.record),
        ...(result.webhook ? { webhook: result.webhook } : {}),
      };
    });

    app.post('/:vendor/accounts/:accountId/revoke', async (req) => {
      const { vendor, accountId } = parseInput(AccountParams, req.params);
      requireCrmAccount(c, vendor, accountId);
      c.store.revokeAccount(vendor, accountId);
      return { revoked: true, vendor, accountId };
    });

    app.post('/:vendor/faults', async (req) => {
      const { vendor } = parseInput(VendorParams, req.params);
      return { vendor, ...c.faults.set(vendor, parseInput(crmFaultSchema, req.body)) };
    });

    app.get('/:vendor/requests', async (req) => {
      const { vendor } = parseInput(VendorParams, req.params);
      return { requests: c.store.requests(vendor) };
    });

    app.delete('/:vendor/requests', async (req) => {
      const { vendor } = parseInput(VendorParams, req.params);
      c.store.clearRequests(vendor);
      return { cleared: true };
    });
  };
}
