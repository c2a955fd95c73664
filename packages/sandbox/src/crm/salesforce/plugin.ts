import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { createGuard } from '../guard.ts';
import { removeRecord, updateRecord } from '../records.ts';
import type { CrmAccount } from '../types.ts';
import { stringValues } from '../values.ts';
import { parseBody, setupVendorPlugin } from '../vendor-plugin.ts';
import { authenticateSalesforce } from './auth.ts';
import { CollectionBody, createTasks, upsertLeads } from './collections.ts';
import { CustomFieldBody, createCustomField } from './custom-fields.ts';
import { salesforce, salesforceRefusals, sfError } from './errors.ts';
import { describeLead, leadJson } from './json.ts';
import { registerSalesforceOauth } from './oauth-routes.ts';
import { PAGE, parseSoql, queryPage, runSoql } from './soql.ts';

const DATA = '/:instance/services/data/:version';
const MAX_CURSORS = 50;

/** Composite sObject Collections exist from API v46.0 (§8.2). */
function version(req: FastifyRequest, min = 20): string {
  const { version: v = '' } = req.params as { version?: string };
  const m = /^v(\d+)\.0$/.exec(v);
  if (!m || Number(m[1]) < min) throw salesforce.notFound();
  return v;
}

/** The Salesforce stand-in: login.salesforce.com (OAuth) and each org's My Domain instance (REST API). */
export function salesforcePlugin(c: CrmContext) {
  const cursors = new Map<string, { rows: string[]; fields: string[]; account: CrmAccount }>();
  return async (app: FastifyInstance) => {
    setupVendorPlugin(app, c, 'salesforce', {
      badRequest: salesforce.badRequest,
      notFound: () => salesforce.notFound(),
      server: salesforceRefusals.server,
    });
    registerSalesforceOauth(app, c);
    const guard = createGuard(c, {
      vendor: 'salesforce',
      refusals: salesforceRefusals,
      authenticate: (req) => authenticateSalesforce(c, req),
      limitHeaders: (reply, limit, remaining) =>
        reply.header('sforce-limit-info', `api-usage=${limit.limit - remaining}/${limit.limit}`),
    });
    const api = { preHandler: guard.preHandler };
    const lead = (req: FastifyRequest) => {
      const account = guard.accountOf(req);
      const record = account.records.get((req.params as { id: string }).id);
      if (!record) throw salesforce.notFound();
      return { account, record };
    };

    app.patch(`${DATA}/composite/sobjects/:sobject/:extField`, api, async (req) => {
      version(req, 46);
      const { sobject, extField } = req.params as { sobject: string; extField: string };
      if (sobject !== 'Lead')
        throw sfError(400, 'INVALID_TYPE', `sObject type '${sobject}' is not supported.`);
      return upsertLeads(
        c,
        guard.accountOf(req),
        extField,
        parseBody(CollectionBody, req.body, salesforce.badRequest),
      );
    });

    app.post(`${DATA}/composite/sobjects`, api, async (req) => {
      version(req, 42);
      return createTasks(c, guard.accountOf(req), parseBody(CollectionBody, req.body, salesforce.badRequest));
    });

    app.get(`${DATA}/sobjects/Lead/describe`, api, async (req) => {
      version(req);
      return describeLead(guard.accountOf(req));
    });

    app.get(`${DATA}/sobjects/Lead/:id`, api, async (req) => {
      const v = version(req);
      const { account, record } = lead(req);
      return leadJson(
        v,
        record,
        ['Id', ...account.fields.keys()].filter((f, i, a) => a.indexOf(f) === i),
      );
    });

    app.patch(`${DATA}/sobjects/Lead/:id`, api, async (req, reply) => {
      version(req);
      const { account, record } = lead(req);
      const values = stringValues(
        parseBody(z.record(z.string(), z.unknown()), req.body, salesforce.badRequest),
      );
      for (const [name, value] of Object.entries(values)) {
        const field = account.fields.get(name);
        if (!field) throw salesforce.invalidField(`No such column '${name}' on sobject of type Lead`);
        if (field.readOnly)
          throw sfError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${name}.`);
        if (value === '' && field.required)
          throw sfError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${name}]`);
      }
      updateRecord(account, record, values, c.now());
      return reply.status(204).send();
    });

    app.delete(`${DATA}/sobjects/Lead/:id`, api, async (req, reply) => {
      version(req);
      const { account, record } = lead(req);
      removeRecord(account, record.id);
      return reply.status(204).send();
    });

    app.get(`${DATA}/query`, api, async (req) => {
      const v = version(req);
      const account = guard.accountOf(req);
      const q = (req.query as { q?: string }).q;
      if (!q) throw salesforce.malformedQuery('q is required');
      const parsed = parseSoql(account, q);
      const rows = runSoql(account, parsed);
      let cursor: string | undefined;
      if (rows.length > PAGE) {
        cursor = `01g${randomBytes(6).toString('hex')}`;
        cursors.set(cursor, { rows: rows.map((r) => r.id), fields: parsed.fields, account });
        while (cursors.size > MAX_CURSORS) cursors.delete(cursors.keys().next().value as string);
      }
      return queryPage(v, rows, parsed.fields, 0, cursor);
    });

    app.get(`${DATA}/query/:locator`, api, async (req) => {
      const v = version(req);
      const [cursor = '', offset = ''] = (req.params as { locator: string }).locator.split('-');
      const saved = cursors.get(cursor);
      if (!saved || saved.account !== guard.accountOf(req))
        throw sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      const rows = saved.rows.flatMap((id) => saved.account.records.get(id) ?? []);
      return queryPage(v, rows, saved.fields, Number(offset), cursor);
    });

    app.post(`${DATA}/tooling/sobjects/CustomField`, api, async (req, reply) => {
      version(req);
      const result = createCustomField(
        guard.accountOf(req),
        parseBody(CustomFieldBody, req.body, salesforce.badRequest),
      );
      return reply.status(201).send(result);
    });
  };
}
