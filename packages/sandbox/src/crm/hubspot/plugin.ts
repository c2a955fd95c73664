import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { createGuard } from '../guard.ts';
import { removeRecord, updateRecord } from '../records.ts';
import { checkValues, stringValues } from '../values.ts';
import { parseBody, setupVendorPlugin } from '../vendor-plugin.ts';
import { authenticateHubspot } from './auth.ts';
import { hubspot, hubspotError, hubspotRefusals } from './errors.ts';
import { contactJson, propertiesJson, propertyJson } from './json.ts';
import { createNotes, NotesBody } from './notes.ts';
import { registerHubspotOauth } from './oauth-routes.ts';
import { createProperty, PropertyBody } from './properties.ts';
import { SearchBody, searchContacts } from './search.ts';
import { BatchBody, batchUpsert } from './upsert.ts';

const API = '/api.hubapi.com';
const bad = (message: string) => hubspot.validation(message);

/** The HubSpot stand-in: api.hubapi.com (CRM v3, OAuth v1) and app.hubspot.com (consent), §7. */
export function hubspotPlugin(c: CrmContext) {
  return async (app: FastifyInstance) => {
    setupVendorPlugin(app, c, 'hubspot', {
      badRequest: bad,
      notFound: (method, path) => hubspotError(404, 'OBJECT_NOT_FOUND', `No route ${method} ${path}`),
      server: hubspotRefusals.server,
    });
    registerHubspotOauth(app, c);

    const guard = createGuard(c, {
      vendor: 'hubspot',
      refusals: hubspotRefusals,
      authenticate: (req) => authenticateHubspot(c, req),
      extraBuckets: (req) =>
        req.url.split('?')[0]?.endsWith('/search') ? [{ name: 'search', limit: c.opts.hubspotSearch }] : [],
      limitHeaders(reply, limit, remaining) {
        reply.header('x-hubspot-ratelimit-interval-milliseconds', String(limit.windowMs));
        reply.header('x-hubspot-ratelimit-max', String(limit.limit));
        reply.header('x-hubspot-ratelimit-remaining', String(remaining));
      },
    });
    const api = { preHandler: guard.preHandler };
    const contactOf = (req: Parameters<typeof guard.accountOf>[0]) => {
      const account = guard.accountOf(req);
      const { id } = req.params as { id: string };
      const record = account.records.get(id);
      if (!record) throw hubspot.notFound(id);
      return { account, record };
    };

    app.get(`${API}/account-info/v3/details`, api, async (req) => {
      const account = guard.accountOf(req);
      return {
        portalId: Number(account.id),
        accountType: 'STANDARD',
        timeZone: 'Europe/London',
        companyCurrency: 'EUR',
        additionalCurrencies: [],
        utcOffset: '+00:00',
        utcOffsetMilliseconds: 0,
        uiDomain: 'app.hubspot.com',
        dataHostingLocation: 'eu1',
      };
    });

    app.post(`${API}/crm/v3/objects/contacts/batch/upsert`, api, async (req, reply) => {
      const body = parseBody(BatchBody, req.body, bad);
      const result = batchUpsert(c, guard.accountOf(req), body.inputs);
      return reply.status(result.status).send(result.body);
    });

    app.post(`${API}/crm/v3/objects/contacts/search`, api, async (req) =>
      searchContacts(guard.accountOf(req), parseBody(SearchBody, req.body, bad)),
    );

    app.get(`${API}/crm/v3/objects/contacts/:id`, api, async (req) => contactJson(contactOf(req).record));

    app.patch(`${API}/crm/v3/objects/contacts/:id`, api, async (req) => {
      const { account, record } = contactOf(req);
      const { properties } = parseBody(
        z.object({ properties: z.record(z.string(), z.unknown()) }),
        req.body,
        bad,
      );
      const values = stringValues(properties);
      const problems = checkValues(account, values);
      if (problems.length > 0)
        throw hubspot.validation(
          'Property values were not valid',
          problems.map((p) => ({ message: `${p.field}: ${p.problem}`, code: p.problem.toUpperCase() })),
        );
      updateRecord(account, record, values, c.now());
      return contactJson(record);
    });

    app.post(`${API}/crm/v3/objects/contacts/gdpr-delete`, api, async (req, reply) => {
      const account = guard.accountOf(req);
      const { objectId } = parseBody(
        z.object({ objectId: z.string().min(1), idProperty: z.string().optional() }),
        req.body,
        bad,
      );
      if (!removeRecord(account, objectId)) throw hubspot.notFound(objectId);
      return reply.status(204).send();
    });

    app.post(`${API}/crm/v3/objects/notes/batch/create`, api, async (req, reply) => {
      const body = parseBody(NotesBody, req.body, bad);
      const result = createNotes(c, guard.accountOf(req), body.inputs);
      return reply.status(result.status).send(result.body);
    });

    app.get(`${API}/crm/v3/properties/contacts`, api, async (req) => propertiesJson(guard.accountOf(req)));

    app.get(`${API}/crm/v3/properties/contacts/:name`, api, async (req) => {
      const account = guard.accountOf(req);
      const { name } = req.params as { name: string };
      const field = account.fields.get(name);
      if (!field) throw hubspotError(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name}`);
      return propertyJson(field, [...account.fields.keys()].indexOf(name));
    });

    app.post(`${API}/crm/v3/properties/contacts`, api, async (req, reply) => {
      const property = createProperty(guard.accountOf(req), parseBody(PropertyBody, req.body, bad));
      return reply.status(201).send(property);
    });
  };
}
