import { renderTemplate, templateParamCount } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import type { TokenClaims } from '../core/tokens.ts';
import { wamid } from '../ids.ts';
import type { SandboxAccount, ThreadEntry } from '../types.ts';
import { afterWhatsAppSend } from './effects.ts';
import { GraphError, graphError } from './errors.ts';
import { covers, type GraphParams, objectParam, requireString, stringParam } from './request.ts';

const DAY_MS = 86_400_000;

const waError = (code: number, message: string, details: string, subcode?: number) =>
  new GraphError(code, `(#${code}) ${message}`, {
    errorData: { messaging_product: 'whatsapp', details },
    ...(subcode !== undefined ? { subcode } : {}),
  });

/** POST /{PHONE_NUMBER_ID}/messages: free text inside the 24-hour window, approved templates any time. */
export function sendWhatsApp(
  ctx: SandboxContext,
  claims: TokenClaims,
  phone: SandboxAccount,
  p: GraphParams,
): Record<string, unknown> {
  if (!covers(claims, 'whatsapp', phone.accountId)) throw graphError.permission();
  if (stringParam(p.messaging_product) !== 'whatsapp')
    throw graphError.param('The parameter messaging_product is required.');
  if (p.status === 'read') {
    requireString(p, 'message_id');
    return { success: true };
  }
  if (!ctx.limiter.hit(`wa:${phone.accountId}`, ctx.opts.limits.whatsappPerSecond, 1000).ok)
    throw waError(130429, 'Rate limit hit', 'Cloud API message throughput has been reached.', 2494055);

  const to = requireString(p, 'to');
  const waId = to.replace(/[\s+\-()]/g, '');
  if (!/^\d{6,15}$/.test(waId)) throw graphError.param(`Invalid parameter: to (${to}) is not a phone number`);
  const bizOpaque = stringParam(p.biz_opaque_callback_data);
  if (bizOpaque !== undefined && bizOpaque.length > 512)
    throw graphError.param('Length of param biz_opaque_callback_data must be less than or equal to 512');
  const replyTo = stringParam(objectParam(p.context)?.message_id);
  const type = stringParam(p.type) ?? 'text';

  let content: Pick<ThreadEntry, 'kind' | 'text' | 'template'>;
  if (type === 'text') content = { kind: 'message', text: freeText(ctx, phone, waId, p) };
  else if (type === 'template') content = template(ctx, phone, p);
  else throw graphError.param('Param type must be one of {text, template}: the sandbox sends no media');

  const now = ctx.now();
  ctx.store.touchContact('whatsapp', phone.accountId, { id: waId, phone: waId }, now);
  const entry: ThreadEntry = {
    platform: 'whatsapp',
    accountId: phone.accountId,
    customerId: waId,
    id: wamid(),
    direction: 'out',
    ...content,
    at: now,
    status: 'sent',
    ...(bizOpaque !== undefined ? { bizOpaqueCallbackData: bizOpaque } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
  ctx.store.append(entry);
  afterWhatsAppSend(ctx, phone, entry);
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: waId }],
    messages: [{ id: entry.id, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
  };
}

function freeText(ctx: SandboxContext, phone: SandboxAccount, waId: string, p: GraphParams): string {
  const body = stringParam(objectParam(p.text)?.body);
  if (!body) throw graphError.param('The parameter text[body] is required.');
  if (body.length > 4096)
    throw graphError.param('Length of param text[body] must be less than or equal to 4096');
  const last = ctx.store.contact('whatsapp', phone.accountId, waId)?.lastInboundAt;
  if (last === undefined || ctx.now() - last >= DAY_MS)
    throw waError(
      131047,
      'Re-engagement message',
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    );
  return body;
}

function template(
  ctx: SandboxContext,
  phone: SandboxAccount,
  p: GraphParams,
): Pick<ThreadEntry, 'kind' | 'text' | 'template'> {
  const t = objectParam(p.template);
  const name = stringParam(t?.name);
  const language = stringParam(objectParam(t?.language)?.code);
  if (!name || !language)
    throw graphError.param('The parameters template[name] and template[language][code] are required.');
  const found = ctx.store.templates.find(
    (x) => x.wabaId === phone.wabaId && x.name === name && x.language === language,
  );
  if (found?.status !== 'APPROVED')
    throw waError(
      132001,
      'Template name does not exist in the translation',
      found
        ? `template name (${name}) exists in ${language} but is ${found.status}, not APPROVED`
        : `template name (${name}) does not exist in ${language}`,
    );
  const components = Array.isArray(t?.components) ? (t.components as unknown[]) : [];
  const body = components.map(objectParam).find((c) => String(c?.type).toLowerCase() === 'body');
  const parameters = (Array.isArray(body?.parameters) ? (body.parameters as unknown[]) : []).map((raw) => {
    const param = objectParam(raw);
    const text = stringParam(param?.text);
    if (param?.type !== 'text' || text === undefined)
      throw graphError.param('The sandbox accepts body parameters of type text only');
    return text;
  });
  const expected = templateParamCount(found.body);
  if (parameters.length !== expected)
    throw waError(
      132000,
      'Number of parameters does not match the expected number of params',
      `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${expected})`,
    );
  return {
    kind: 'template',
    text: renderTemplate(found.body, parameters),
    template: { name, language, parameters },
  };
}
