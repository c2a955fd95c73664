import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAccount, WABA_ID } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import { numericId } from '../ids.ts';
import type { MessageTemplate } from '../types.ts';
import { GraphError, graphError } from './errors.ts';
import { pickFields } from './fields.ts';
import { phoneJson } from './objects.ts';
import { authenticate, graphParams, objectParam, stringParam } from './request.ts';

function templateJson(t: MessageTemplate) {
  return {
    name: t.name,
    language: t.language,
    status: t.status,
    category: t.category,
    components: [{ type: 'BODY', text: t.body }],
    id: t.id,
  };
}

/** The WhatsApp business account's edges: phone_numbers and message_templates. */
export function registerWhatsAppAccountRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const waba = (req: FastifyRequest, method: string) => {
    const { id } = req.params as { id: string };
    const claims = authenticate(ctx, req);
    if (id !== WABA_ID || claims.platform !== 'whatsapp') throw graphError.unknownObject(id, method);
    return claims;
  };

  app.get('/:v/:id/phone_numbers', async (req) => {
    const claims = waba(req, 'get');
    const fields = stringParam(graphParams(req).fields);
    // The numbers picked on the consent page: the sandbox's stand-in for Embedded Signup's choice.
    const data = claims.subjects
      .map((s) => findAccount('whatsapp', s.id))
      .filter((a) => a !== undefined)
      .map((a) => pickFields(phoneJson(a), fields));
    return { data, paging: { cursors: { before: 'QVFIU', after: 'QVFIU' } } };
  });

  app.get('/:v/:id/message_templates', async (req) => {
    waba(req, 'get');
    const q = graphParams(req);
    const name = stringParam(q.name);
    const status = stringParam(q.status);
    const data = ctx.store.templates
      .filter((t) => t.wabaId === WABA_ID && (!name || t.name === name) && (!status || t.status === status))
      .map(templateJson);
    return { data, paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } } };
  });

  app.post('/:v/:id/message_templates', async (req) => {
    waba(req, 'post');
    const p = graphParams(req);
    const name = stringParam(p.name);
    const language = stringParam(p.language);
    const category = stringParam(p.category);
    if (!name || !/^[a-z0-9_]{1,512}$/.test(name))
      throw graphError.param('Param name must be lowercase letters, digits and underscores');
    if (!language) throw graphError.param('The parameter language is required');
    if (!category || !['UTILITY', 'MARKETING', 'AUTHENTICATION'].includes(category))
      throw graphError.param('Param category must be one of {UTILITY, MARKETING, AUTHENTICATION}');
    const components = Array.isArray(p.components) ? p.components.map(objectParam) : [];
    const body = stringParam(components.find((c) => String(c?.type).toUpperCase() === 'BODY')?.text);
    if (!body) throw graphError.param('A template needs a BODY component with text');
    if (ctx.store.templates.some((t) => t.name === name && t.language === language))
      throw new GraphError(100, 'Invalid parameter', { subcode: 2388024 });
    // New templates wait for review; approving them is not simulated yet.
    const template: MessageTemplate = {
      id: numericId(16),
      wabaId: WABA_ID,
      name,
      language,
      status: 'PENDING',
      category,
      body,
    };
    ctx.store.templates.push(template);
    ctx.store.changed();
    return { id: template.id, status: template.status, category };
  });
}
