/**
 * A WhatsApp Business phone number (Cloud API). The person's business token acts for every number
 * of every WhatsApp Business Account (WABA) they granted; the WABA id travels in `extra.wabaId`.
 */
import { z } from 'zod';
import { ConnectorError } from '../../errors.ts';
import { readAnswer } from '../../http.ts';
import { createGraph, type Graph } from '../meta-graph.ts';
import { exchangeMetaCode, META_SCOPES, metaAuthorizeUrl } from '../meta-oauth.ts';
import { unsubscribeAndRevoke } from '../meta-page.ts';
import type { AccountRef, ChannelConnector, ConnectorContext, GrantedAccount } from '../types.ts';
import { sendWhatsapp } from './send.ts';
import { listTemplates } from './templates.ts';

const DebugToken = z.looseObject({
  data: z.looseObject({
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(z.string()).optional() }))
      .optional(),
  }),
});

const PhoneNumbers = z.looseObject({
  data: z.array(
    z.looseObject({ id: z.string(), display_phone_number: z.string(), verified_name: z.string().optional() }),
  ),
});

const SuccessAnswer = z.looseObject({ success: z.literal(true) });

export function createWhatsappConnector(ctx: ConnectorContext): ChannelConnector {
  const graph = createGraph(ctx);
  return {
    platform: 'whatsapp',
    authorizeUrl: (p) => metaAuthorizeUrl(ctx, META_SCOPES.whatsapp, p),

    async exchangeCode(p) {
      const user = await exchangeMetaCode(ctx, graph, p);
      const accounts: GrantedAccount[] = [];
      for (const wabaId of await grantedWabaIds(ctx, graph, user.accessToken)) {
        const body = await graph({ method: 'GET', path: [wabaId, 'phone_numbers'], token: user.accessToken });
        for (const phone of readAnswer(PhoneNumbers, body, 'Graph phone_numbers').data) {
          accounts.push({
            platform: 'whatsapp',
            accountId: phone.id,
            name: phone.verified_name ?? phone.display_phone_number,
            extra: { wabaId, displayPhoneNumber: phone.display_phone_number },
            credentials: { ...user },
          });
        }
      }
      return accounts;
    },

    async subscribe(account) {
      const body = await graph({
        method: 'POST',
        path: [wabaIdOf(account), 'subscribed_apps'],
        token: tokenOf(account),
      });
      readAnswer(SuccessAnswer, body, 'Graph subscribed_apps');
    },
    async disconnect(account) {
      await unsubscribeAndRevoke(graph, wabaIdOf(account), tokenOf(account));
    },
    async checkHealth(account) {
      await graph({ method: 'GET', path: [account.accountId], token: tokenOf(account) });
    },
    send: (account, request) => sendWhatsapp(graph, account, request),
    listTemplates: async (account) => listTemplates(graph, wabaIdOf(account), tokenOf(account)),
  };
}

/** The WABAs the person granted, read from the token's granular scopes (asked with the app token). */
async function grantedWabaIds(ctx: ConnectorContext, graph: Graph, userToken: string): Promise<string[]> {
  const appToken = `${ctx.app.metaAppId}|${ctx.app.metaAppSecret}`;
  const body = await graph({
    method: 'GET',
    path: ['debug_token'],
    query: { input_token: userToken, access_token: appToken },
    secrets: [userToken, appToken, ctx.app.metaAppSecret],
  });
  const scopes = readAnswer(DebugToken, body, 'Graph debug_token').data.granular_scopes ?? [];
  const ids = scopes
    .filter((s) => s.scope === 'whatsapp_business_management')
    .flatMap((s) => s.target_ids ?? []);
  return [...new Set(ids)];
}

function wabaIdOf(account: AccountRef): string {
  const wabaId = account.extra.wabaId;
  if (!wabaId) throw new ConnectorError('permanent', 'WhatsApp account has no WABA id');
  return wabaId;
}

function tokenOf(account: AccountRef): string {
  return account.credentials.accessToken;
}
