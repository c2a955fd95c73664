/**
 * Facebook Login, shared by the Page, Instagram and WhatsApp connectors: the product is decided by
 * the scopes asked for, and every flow starts by trading the code for a user token.
 */
import { z } from 'zod';
import { readAnswer } from '../http.ts';
import type { Graph } from './meta-graph.ts';
import type { ConnectorContext } from './types.ts';

export const META_SCOPES = {
  facebook: ['pages_messaging', 'pages_manage_metadata', 'pages_read_engagement', 'pages_manage_engagement'],
  instagram: [
    'instagram_basic',
    'instagram_manage_messages',
    'instagram_manage_comments',
    'pages_show_list',
    'pages_messaging',
  ],
  whatsapp: ['whatsapp_business_management', 'whatsapp_business_messaging'],
} as const;

export function metaAuthorizeUrl(
  ctx: ConnectorContext,
  scopes: readonly string[],
  p: { state: string; redirectUri: string },
): string {
  const { facebookWebUrl, graphVersion } = ctx.endpoints;
  const url = new URL(`${facebookWebUrl.replace(/\/+$/, '')}/${graphVersion}/dialog/oauth`);
  url.search = new URLSearchParams({
    client_id: ctx.app.metaAppId,
    redirect_uri: p.redirectUri,
    state: p.state,
    response_type: 'code',
    scope: scopes.join(','),
  }).toString();
  return url.toString();
}

const TokenAnswer = z.looseObject({ access_token: z.string(), expires_in: z.number().optional() });

export type UserToken = { accessToken: string; expiresAt?: number };

/** The code works once, within 10 minutes, and only with the redirect_uri it was issued for. */
export async function exchangeMetaCode(
  ctx: ConnectorContext,
  graph: Graph,
  p: { code: string; redirectUri: string },
): Promise<UserToken> {
  const body = await graph({
    method: 'GET',
    path: ['oauth', 'access_token'],
    query: {
      client_id: ctx.app.metaAppId,
      redirect_uri: p.redirectUri,
      client_secret: ctx.app.metaAppSecret,
      code: p.code,
    },
    secrets: [ctx.app.metaAppSecret, p.code],
  });
  const answer = readAnswer(TokenAnswer, body, 'Graph code exchange');
  return {
    accessToken: answer.access_token,
    ...(answer.expires_in ? { expiresAt: Date.now() + answer.expires_in * 1000 } : {}),
  };
}

const Page = z.looseObject({
  id: z.string(),
  name: z.string(),
  // Missing when the person lacks a task on the Page: it cannot be acted for.
  access_token: z.string().optional(),
  instagram_business_account: z
    .looseObject({ id: z.string(), username: z.string().optional(), name: z.string().optional() })
    .optional(),
});
export type GrantedPage = z.output<typeof Page>;

const Pages = z.looseObject({
  data: z.array(Page),
  paging: z
    .looseObject({ next: z.string().optional(), cursors: z.looseObject({ after: z.string() }).optional() })
    .optional(),
});

const PAGE_FIELDS = 'id,name,access_token,instagram_business_account{id,username,name}';
/** A person with more Pages than this has picked them in the dialog; stop rather than loop forever. */
const MAX_PAGE_REQUESTS = 20;

/** Every Page the person granted, with its own non-expiring Page token. */
export async function listGrantedPages(graph: Graph, userToken: string): Promise<GrantedPage[]> {
  const pages: GrantedPage[] = [];
  let after: string | undefined;
  for (let i = 0; i < MAX_PAGE_REQUESTS; i++) {
    const body = await graph({
      method: 'GET',
      path: ['me', 'accounts'],
      token: userToken,
      query: { fields: PAGE_FIELDS, ...(after ? { after } : {}) },
    });
    const answer = readAnswer(Pages, body, 'Graph me/accounts');
    pages.push(...answer.data);
    after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return pages;
}
