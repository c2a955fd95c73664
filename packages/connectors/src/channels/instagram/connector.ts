/**
 * An Instagram professional account, through Facebook Login: it is reached via its linked Page,
 * whose token acts for it. The Page id travels in `extra.pageId`.
 */
import { ConnectorError } from '../../errors.ts';
import { createGraph } from '../meta-graph.ts';
import { exchangeMetaCode, listGrantedPages, META_SCOPES, metaAuthorizeUrl } from '../meta-oauth.ts';
import { checkPageToken, sendFromPage, subscribePage, unsubscribeAndRevoke } from '../meta-page.ts';
import { fetchMetaProfile } from '../meta-profile.ts';
import type { AccountRef, ChannelConnector, ConnectorContext, GrantedAccount } from '../types.ts';

const INSTAGRAM_FIELDS = ['messages', 'comments'];

export function createInstagramConnector(ctx: ConnectorContext): ChannelConnector {
  const graph = createGraph(ctx);
  return {
    platform: 'instagram',
    authorizeUrl: (p) => metaAuthorizeUrl(ctx, META_SCOPES.instagram, p),

    async exchangeCode(p) {
      const user = await exchangeMetaCode(ctx, graph, p);
      const pages = await listGrantedPages(graph, user.accessToken);
      return pages.flatMap((page): GrantedAccount[] => {
        const ig = page.instagram_business_account;
        if (!ig || !page.access_token) return [];
        return [
          {
            platform: 'instagram',
            accountId: ig.id,
            name: ig.name ?? ig.username ?? page.name,
            ...(ig.username ? { username: ig.username } : {}),
            extra: { pageId: page.id },
            credentials: { accessToken: page.access_token },
          },
        ];
      });
    },

    async subscribe(account) {
      await subscribePage(graph, pageIdOf(account), account.credentials.accessToken, INSTAGRAM_FIELDS);
    },
    async disconnect(account) {
      await unsubscribeAndRevoke(graph, pageIdOf(account), account.credentials.accessToken);
    },
    checkHealth: (account) => checkPageToken(graph, account.credentials.accessToken),
    send: (account, request) => sendFromPage(graph, 'instagram', account, request),
    fetchCustomerProfile: (account, customerId) => fetchMetaProfile(graph, 'instagram', account, customerId),
  };
}

function pageIdOf(account: AccountRef): string {
  const pageId = account.extra.pageId;
  if (!pageId) throw new ConnectorError('permanent', 'Instagram account has no linked Page id');
  return pageId;
}
