import type { FastifyInstance, FastifyReply } from 'fastify';
import { isHttpUrl, redirectWith, renderConsentPage, renderErrorPage } from '../web/consent-page.ts';
import { formValue } from '../web/form-body.ts';
import type { CrmContext } from './context.ts';
import type { CrmVendor } from './types.ts';

export type ConsentSpec = {
  vendor: CrmVendor;
  /** Route of the authorise page, e.g. `/app.hubspot.com/oauth/authorize`. */
  path: string;
  /** The same path relative to itself, for the form's action (`authorize`). */
  action: string;
  /** Query parameters the vendor insists on besides client_id and redirect_uri, with the values it accepts. */
  required?: Record<string, (value: string | undefined) => boolean>;
  /** Extra parameters the vendor adds to the redirect (Zoho `location`, `accounts-server`). */
  redirectExtras?(accountId: string, base: string): Record<string, string>;
  /** Zoho binds a code to the accounts server that issued it. */
  accountsHost?(accountId: string): string;
};

type Params = Record<string, string | undefined>;
const PASSED = ['client_id', 'redirect_uri', 'state', 'scope', 'response_type', 'access_type', 'prompt'];

/**
 * The vendor's consent screen: pick one of the sandbox's accounts (portal, org, company), Allow or
 * Cancel, then the browser goes back to redirect_uri with `code` and `state` (or `error`).
 */
export function registerConsent(app: FastifyInstance, c: CrmContext, spec: ConsentSpec): void {
  const name = c.store.specs[spec.vendor].displayName;
  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).type('text/html; charset=utf-8').send(html);

  const problemOf = (p: Params): string | undefined => {
    if (p.client_id !== c.opts.apps[spec.vendor].clientId) return 'The client_id is not a known app.';
    if (!isHttpUrl(p.redirect_uri)) return 'The redirect_uri is missing or not an absolute URL.';
    for (const [key, ok] of Object.entries(spec.required ?? {}))
      if (!ok(p[key])) return `The ${key} parameter is missing or not accepted.`;
    return undefined;
  };

  const render = (reply: FastifyReply, p: Params, error?: string) =>
    page(
      reply,
      error ? 400 : 200,
      renderConsentPage({
        platformName: name,
        heading: `ReplyForce would like to access your ${name} account`,
        intro:
          'ReplyForce will create and update contacts and leads, add notes, and read owners and statuses.',
        legend: `${name} account to connect`,
        inputType: 'radio',
        options: c.store.accounts(spec.vendor).map((a) => ({
          value: a.id,
          label: a.name,
          hint: `Account ${a.id}${a.dc ? `, data centre ${a.dc.toUpperCase()}` : ''}`,
        })),
        hidden: Object.fromEntries(PASSED.map((k) => [k, p[k]])),
        action: spec.action,
        ...(error ? { error } : {}),
      }),
    );

  app.get(spec.path, async (req, reply) => {
    const p = req.query as Params;
    const problem = problemOf(p);
    if (problem) return page(reply, 400, renderErrorPage(name, 'Something went wrong', problem));
    return render(reply, p);
  });

  app.post(spec.path, async (req, reply) => {
    const p: Params = Object.fromEntries(PASSED.map((k) => [k, formValue(req.body, k)]));
    const problem = problemOf(p);
    if (problem || !p.redirect_uri || !p.client_id)
      return page(reply, 400, renderErrorPage(name, 'Something went wrong', problem ?? 'Invalid request'));
    if (formValue(req.body, 'decision') !== 'allow')
      return reply.redirect(
        redirectWith(p.redirect_uri, {
          error: 'access_denied',
          error_description: 'User denied access',
          state: p.state,
        }),
      );
    const accountId = formValue(req.body, 'account');
    if (!accountId || !c.store.account(spec.vendor, accountId))
      return render(reply, p, 'Choose an account, or Cancel.');
    const accountsHost = spec.accountsHost?.(accountId);
    const code = c.store.issueCode({
      vendor: spec.vendor,
      accountId,
      clientId: p.client_id,
      redirectUri: p.redirect_uri,
      scope: p.scope ?? '',
      ...(accountsHost ? { accountsHost } : {}),
    });
    const base = `${req.protocol}://${req.host}${app.prefix}`;
    return reply.redirect(
      redirectWith(p.redirect_uri, { code, state: p.state, ...spec.redirectExtras?.(accountId, base) }),
    );
  });
}
