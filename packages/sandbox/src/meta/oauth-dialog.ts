import type { FastifyInstance, FastifyReply } from 'fastify';
import { accountsOf, findAccount } from '../accounts.ts';
import type { SandboxContext } from '../core/context.ts';
import type { SandboxAccount } from '../types.ts';
import { isHttpUrl, redirectWith, renderConsentPage, renderErrorPage } from '../web/consent-page.ts';
import { formValue, formValues } from '../web/form-body.ts';
import { productOfScope } from './scopes.ts';

const PRODUCT_TEXT = {
  facebook: { what: 'your Facebook Pages', legend: 'Pages ReplyForce may manage' },
  instagram: {
    what: 'your Instagram professional accounts',
    legend: 'Instagram accounts ReplyForce may manage',
  },
  whatsapp: { what: 'your WhatsApp Business phone numbers', legend: 'Phone numbers ReplyForce may use' },
};

function optionOf(a: SandboxAccount) {
  if (a.platform === 'instagram')
    return { value: a.accountId, label: `@${a.username} (${a.name})`, hint: `Linked to Page ${a.pageId}` };
  if (a.platform === 'whatsapp')
    return {
      value: a.accountId,
      label: `${a.name}: +${a.displayPhoneNumber}`,
      hint: `WhatsApp Business account ${a.wabaId}`,
    };
  return { value: a.accountId, label: a.name, hint: `Page ${a.accountId}` };
}

type DialogParams = Record<string, string | undefined>;

/** GET/POST {FBWEB}/{v}/dialog/oauth: Facebook Login's consent page, the product chosen by `scope`. */
export function registerMetaDialog(app: FastifyInstance, ctx: SandboxContext): void {
  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).type('text/html; charset=utf-8').send(html);

  const validate = (p: DialogParams) => {
    if (p.client_id !== ctx.opts.metaAppId)
      return 'Invalid App ID: the client_id in the URL is not a valid app ID.';
    if (!isHttpUrl(p.redirect_uri)) return 'URL blocked: the redirect_uri is missing or not an absolute URL.';
    if (p.response_type !== undefined && p.response_type !== 'code')
      return 'Invalid response_type: this app uses the authorisation code flow (response_type=code).';
    if (!productOfScope(p.scope ?? ''))
      return 'Invalid scopes: the request asks for no Page, Instagram or WhatsApp permission.';
    return undefined;
  };

  const render = (reply: FastifyReply, p: DialogParams, error?: string) => {
    const product = productOfScope(p.scope ?? '') ?? 'facebook';
    const text = PRODUCT_TEXT[product];
    return page(
      reply,
      error ? 400 : 200,
      renderConsentPage({
        platformName: 'Facebook',
        heading: `ReplyForce would like to access ${text.what}`,
        intro: 'Choose what ReplyForce may use. You can change this later in your business settings.',
        legend: text.legend,
        inputType: 'checkbox',
        options: accountsOf(product).map(optionOf),
        hidden: { client_id: p.client_id, redirect_uri: p.redirect_uri, state: p.state, scope: p.scope },
        action: 'oauth',
        ...(error ? { error } : {}),
      }),
    );
  };

  app.get('/:v/dialog/oauth', async (req, reply) => {
    const p = req.query as DialogParams;
    const problem = validate(p);
    if (problem) return page(reply, 400, renderErrorPage('Facebook', 'Something went wrong', problem));
    return render(reply, p);
  });

  app.post('/:v/dialog/oauth', async (req, reply) => {
    const p: DialogParams = {
      client_id: formValue(req.body, 'client_id'),
      redirect_uri: formValue(req.body, 'redirect_uri'),
      state: formValue(req.body, 'state'),
      scope: formValue(req.body, 'scope'),
    };
    const problem = validate(p);
    if (problem || !p.redirect_uri || !p.client_id)
      return page(
        reply,
        400,
        renderErrorPage('Facebook', 'Something went wrong', problem ?? 'Invalid request'),
      );
    if (formValue(req.body, 'decision') !== 'allow')
      return reply.redirect(
        redirectWith(p.redirect_uri, {
          error: 'access_denied',
          error_code: '200',
          error_description: 'Permissions error',
          error_reason: 'user_denied',
          state: p.state,
        }),
      );
    const product = productOfScope(p.scope ?? '') ?? 'facebook';
    const chosen = formValues(req.body, 'account').filter((id) => findAccount(product, id));
    if (chosen.length === 0) return render(reply, p, 'Choose at least one account, or Cancel.');
    const code = ctx.codes.issue({
      platform: product,
      accountIds: [...new Set(chosen)],
      clientId: p.client_id,
      redirectUri: p.redirect_uri,
      scope: p.scope ?? '',
    });
    return reply.redirect(redirectWith(p.redirect_uri, { code, state: p.state }));
  });
}
