import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { createGuard } from '../guard.ts';
import { addNote, changedSince, insertRecord, removeRecord, updateRecord } from '../records.ts';
import { toEpoch } from '../values.ts';
import { parseBody, setupVendorPlugin } from '../vendor-plugin.ts';
import { authenticatePipedrive } from './auth.ts';
import { pipedrive, pipedriveRefusals } from './errors.ts';
import { createPersonField, PersonFieldBody, personFieldsJson } from './fields.ts';
import { registerPipedriveOauth } from './oauth-routes.ts';
import { personJson, personValues, searchPersons } from './persons.ts';
import { PIPEDRIVE_SPEC } from './spec.ts';

const V1 = '/:domain/api/v1';
const V2 = '/:domain/api/v2';
const Person = z.record(z.string(), z.unknown());
const Note = z.object({
  content: z.string().min(1),
  person_id: z.number().int().optional(),
  lead_id: z.string().optional(),
  deal_id: z.number().int().optional(),
  org_id: z.number().int().optional(),
  add_time: z.string().optional(),
  pinned_to_person_flag: z.union([z.literal(0), z.literal(1), z.boolean()]).optional(),
});

const ok = (data: unknown, additional?: object) => ({
  success: true,
  data,
  ...(additional ? { additional_data: additional } : {}),
});
const cursorOf = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const offsetOf = (cursor: string | undefined) =>
  cursor ? Number(Buffer.from(cursor, 'base64url').toString().slice(2)) || 0 : 0;

/** The Pipedrive stand-in: oauth.pipedrive.com and the API at api.pipedrive.com or a company domain. */
export function pipedrivePlugin(c: CrmContext) {
  let fieldSeq = 1;
  return async (app: FastifyInstance) => {
    setupVendorPlugin(app, c, 'pipedrive', {
      badRequest: pipedrive.badRequest,
      notFound: () => pipedrive.notFound('Unknown method .'),
      server: pipedriveRefusals.server,
    });
    registerPipedriveOauth(app, c);
    const guard = createGuard(c, {
      vendor: 'pipedrive',
      refusals: pipedriveRefusals,
      authenticate: (req) => authenticatePipedrive(c, req),
      limitHeaders(reply, limit, remaining) {
        reply.header('x-ratelimit-limit', String(limit.limit));
        reply.header('x-ratelimit-remaining', String(remaining));
        reply.header('x-ratelimit-reset', String(Math.ceil(limit.windowMs / 1000)));
      },
    });
    const api = { preHandler: guard.preHandler };
    const person = (req: FastifyRequest) => {
      const account = guard.accountOf(req);
      const record = account.records.get(String((req.params as { id: string }).id));
      if (!record) throw pipedrive.notFound('Person not found');
      return { account, record };
    };

    app.get(`${V1}/users/me`, api, async (req) => {
      const account = guard.accountOf(req);
      const user = account.owners[0];
      return ok({
        id: Number(user?.id ?? 1),
        name: user?.name ?? 'Admin',
        email: user?.email ?? 'admin@acme.example',
        company_id: Number(account.id),
        company_name: account.name,
        company_domain: (account.host ?? '').replace('.pipedrive.com', ''),
        is_admin: 1,
      });
    });

    app.post(`${V2}/persons`, api, async (req) => {
      const account = guard.accountOf(req);
      const values = personValues(account, parseBody(Person, req.body, pipedrive.badRequest));
      if (!values.name) throw pipedrive.badRequest('Validation failed: name: Required');
      const record = insertRecord(
        account,
        PIPEDRIVE_SPEC.recordId(account.nextId++),
        { ...PIPEDRIVE_SPEC.defaults(account.owners), ...values },
        c.now(),
        c.opts.maxRecordsPerAccount,
      );
      return ok(personJson(account, record));
    });

    app.patch(`${V2}/persons/:id`, api, async (req) => {
      const { account, record } = person(req);
      const values = personValues(account, parseBody(Person, req.body, pipedrive.badRequest));
      if (values.name === '') throw pipedrive.badRequest('Validation failed: name: cannot be empty');
      updateRecord(account, record, values, c.now());
      return ok(personJson(account, record));
    });

    app.get(`${V2}/persons/search`, api, async (req) => {
      const account = guard.accountOf(req);
      const q = req.query as {
        term?: string;
        fields?: string;
        exact_match?: string;
        limit?: string;
        cursor?: string;
      };
      const items = searchPersons(account, {
        term: q.term ?? '',
        fields: (q.fields ?? 'custom_fields,email,notes,phone,name').split(','),
        exact: q.exact_match === 'true',
      });
      const limit = Math.min(500, Number(q.limit ?? 100) || 100);
      const offset = offsetOf(q.cursor);
      const next = offset + limit < items.length ? cursorOf(offset + limit) : null;
      return ok({ items: items.slice(offset, offset + limit) }, { next_cursor: next });
    });

    app.get(`${V2}/persons/:id`, api, async (req) => {
      const { account, record } = person(req);
      return ok(personJson(account, record));
    });

    app.delete(`${V2}/persons/:id`, api, async (req) => {
      const { account, record } = person(req);
      removeRecord(account, record.id);
      return ok({ id: Number(record.id) });
    });

    app.get(`${V2}/persons`, api, async (req) => {
      const account = guard.accountOf(req);
      const q = req.query as {
        updated_since?: string;
        sort_by?: string;
        sort_direction?: string;
        limit?: string;
        cursor?: string;
      };
      const since = q.updated_since ? toEpoch(q.updated_since) : Number.NEGATIVE_INFINITY;
      if (Number.isNaN(since))
        throw pipedrive.badRequest('Validation failed: updated_since: must be an RFC 3339 date');
      let rows = changedSince(account, since);
      if (q.sort_by !== 'update_time') rows = rows.sort((a, b) => Number(a.id) - Number(b.id));
      if (q.sort_direction === 'desc') rows = rows.reverse();
      const limit = Math.min(500, Number(q.limit ?? 100) || 100);
      const offset = offsetOf(q.cursor);
      const next = offset + limit < rows.length ? cursorOf(offset + limit) : null;
      return ok(
        rows.slice(offset, offset + limit).map((r) => personJson(account, r)),
        { next_cursor: next },
      );
    });

    app.get(`${V2}/personFields`, api, async (req) =>
      ok(personFieldsJson(guard.accountOf(req)), { next_cursor: null }),
    );

    app.post(`${V2}/personFields`, api, async (req) =>
      ok(
        createPersonField(
          guard.accountOf(req),
          parseBody(PersonFieldBody, req.body, pipedrive.badRequest),
          fieldSeq++,
        ),
      ),
    );

    app.delete(`${V2}/personFields/:code`, api, async (req) => {
      const account = guard.accountOf(req);
      const { code } = req.params as { code: string };
      const field = account.fields.get(code);
      if (!field?.custom) throw pipedrive.notFound('Field not found');
      account.fields.delete(code);
      return ok({ field_code: code });
    });

    app.post(`${V1}/notes`, api, async (req) => {
      const account = guard.accountOf(req);
      const body = parseBody(Note, req.body, pipedrive.badRequest);
      if (body.person_id === undefined)
        throw pipedrive.badRequest(
          'Validation failed: one of person_id, lead_id, deal_id, org_id is required',
        );
      if (!account.records.has(String(body.person_id))) throw pipedrive.badRequest('Person not found');
      const now = c.now();
      const at = body.add_time ? toEpoch(`${body.add_time.replace(' ', 'T')}Z`) : now;
      const id = PIPEDRIVE_SPEC.noteId(account.nextId++);
      addNote(
        account,
        {
          id,
          recordId: String(body.person_id),
          title: '',
          body: body.content,
          at: Number.isNaN(at) ? now : at,
          createdAt: now,
        },
        c.opts.maxNotesPerAccount,
      );
      const stamp = new Date(now).toISOString().replace('T', ' ').slice(0, 19);
      return ok({
        id: Number(id),
        content: body.content,
        person_id: body.person_id,
        add_time: stamp,
        update_time: stamp,
        active_flag: true,
      });
    });
  };
}
