import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CrmContext } from '../context.ts';
import { createGuard } from '../guard.ts';
import { checkAccess } from '../oauth.ts';
import { changedSince, removeRecord } from '../records.ts';
import type { CrmAccount } from '../types.ts';
import { toEpoch } from '../values.ts';
import { parseBody, setupVendorPlugin } from '../vendor-plugin.ts';
import { dcOf, dcOfApiHost } from './dc.ts';
import { zoho, zohoError, zohoRefusals } from './errors.ts';
import { createFields, FieldsBody } from './fields.ts';
import { fieldsJson, leadJson } from './json.ts';
import { registerZohoOauth } from './oauth-routes.ts';
import { createNotes, DataBody, UpsertBody, updateLead, upsertLeads } from './records.ts';

const CRM = '/:apiHost/crm/:version';

/** `Authorization: Zoho-oauthtoken <token>` at the API domain of the token's own data centre. */
function authenticateZoho(c: CrmContext, req: FastifyRequest): CrmAccount {
  const { apiHost = '', version = '' } = req.params as { apiHost?: string; version?: string };
  const dc = dcOfApiHost(apiHost);
  if (!dc || !/^v[2-8]$/.test(version)) throw zoho.notFound();
  const token = /^Zoho-oauthtoken\s+(\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) throw zoho.missingAuth();
  const check = checkAccess(c, 'zoho', token);
  if (!check.ok || dcOf(check.claims.dc) !== dc) throw zoho.invalidToken();
  return check.account;
}

function requireLeads(req: FastifyRequest): void {
  const { module } = req.query as { module?: string };
  if (module !== 'Leads')
    throw zohoError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { module });
}

/** The Zoho CRM stand-in: accounts.zoho.<dc> (OAuth) and www.zohoapis.<dc>/crm/v2…v8 (Leads, Notes, fields). */
export function zohoPlugin(c: CrmContext) {
  return async (app: FastifyInstance) => {
    setupVendorPlugin(app, c, 'zoho', {
      badRequest: zoho.badRequest,
      notFound: zoho.notFound,
      server: zohoRefusals.server,
    });
    registerZohoOauth(app, c);
    const guard = createGuard(c, {
      vendor: 'zoho',
      refusals: zohoRefusals,
      authenticate: (req) => authenticateZoho(c, req),
    });
    const api = { preHandler: guard.preHandler };

    app.post(`${CRM}/Leads/upsert`, api, async (req, reply) => {
      const result = upsertLeads(c, guard.accountOf(req), parseBody(UpsertBody, req.body, zoho.badRequest));
      return reply.status(result.status).send(result.body);
    });

    app.post(`${CRM}/Notes`, api, async (req, reply) => {
      const result = createNotes(c, guard.accountOf(req), parseBody(DataBody, req.body, zoho.badRequest));
      return reply.status(result.status).send(result.body);
    });

    app.put(`${CRM}/Leads/:id`, api, async (req, reply) => {
      const { id } = req.params as { id: string };
      const result = updateLead(c, guard.accountOf(req), id, parseBody(DataBody, req.body, zoho.badRequest));
      return reply.status(result.status).send(result.body);
    });

    app.delete(`${CRM}/Leads/:id`, api, async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!removeRecord(guard.accountOf(req), id))
        return reply.status(400).send({
          data: [
            {
              code: 'INVALID_DATA',
              details: { id },
              message: 'the id given seems to be invalid',
              status: 'error',
            },
          ],
        });
      return { data: [{ code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }] };
    });

    // GET /Leads: `fields` is required from v3 on; If-Modified-Since narrows to recent changes (304 when none).
    app.get(`${CRM}/Leads`, api, async (req, reply) => {
      const account = guard.accountOf(req);
      const q = req.query as {
        fields?: string;
        page?: string;
        per_page?: string;
        sort_by?: string;
        sort_order?: string;
      };
      if (!q.fields)
        throw zohoError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
          param: 'fields',
        });
      const perPage = Math.min(200, Math.max(1, Number(q.per_page ?? 200) || 200));
      const page = Math.max(1, Number(q.page ?? 1) || 1);
      const header = req.headers['if-modified-since'];
      const since = typeof header === 'string' ? toEpoch(header) : Number.NEGATIVE_INFINITY;
      if (Number.isNaN(since))
        throw zohoError(400, 'INVALID_DATA', 'If-Modified-Since is not a valid date', {
          header: 'If-Modified-Since',
        });
      let rows = changedSince(account, since);
      if (q.sort_by === 'Modified_Time' && q.sort_order === 'desc') rows = rows.reverse();
      if (rows.length === 0) return reply.status(typeof header === 'string' ? 304 : 204).send();
      const fields = q.fields.split(',').map((f) => f.trim());
      const slice = rows.slice((page - 1) * perPage, page * perPage);
      return {
        data: slice.map((r) => leadJson(account, r, fields)),
        info: {
          per_page: perPage,
          count: slice.length,
          page,
          sort_by: q.sort_by ?? 'id',
          sort_order: q.sort_order ?? 'desc',
          more_records: page * perPage < rows.length,
        },
      };
    });

    app.get(`${CRM}/org`, api, async (req) => {
      const account = guard.accountOf(req);
      return {
        org: [
          {
            id: account.id,
            company_name: account.name,
            primary_email: account.owners[0]?.email ?? null,
            time_zone: 'Europe/London',
            currency: 'EUR',
            country_code: account.dc === 'eu' ? 'DE' : 'US',
          },
        ],
      };
    });

    app.get(`${CRM}/settings/fields`, api, async (req) => {
      requireLeads(req);
      return fieldsJson(guard.accountOf(req));
    });

    app.post(`${CRM}/settings/fields`, api, async (req, reply) => {
      requireLeads(req);
      const result = createFields(guard.accountOf(req), parseBody(FieldsBody, req.body, zoho.badRequest));
      return reply.status(result.status).send(result.body);
    });
  };
}
