/** A Facebook Page: Messenger conversations and comments on the Page's posts. */
import { createGraph } from '../meta-graph.ts';
import { exchangeMetaCode, listGrantedPages, META_SCOPES, metaAuthorizeUrl } from '../meta-oauth.ts';
import { checkPageToken, sendFromPage, subscribePage, unsubscribeAndRevoke } from '../meta-page.ts';
import { fetchMetaProfile } from '../meta-profile.ts';
import type { ChannelConnector, ConnectorContext, GrantedAccount } from '../types.ts';

const PAGE_FIELDS = [
  'messages',
  'messaging_postbacks',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'feed',
];

export function createFacebookConnector(ctx: ConnectorContext): ChannelConnector {
  const graph = createGraph(ctx);
  return {
    platform: 'facebook',
    authorizeUrl: (p) => metaAuthorizeUrl(ctx, META_SCOPES.facebook, p),

    async exchangeCode(p) {
      const user = await exchangeMetaCode(ctx, graph, p);
      const pages = await listGrantedPages(graph, user.accessToken);
      return pages.flatMap((page): GrantedAccount[] =>
        page.access_token
          ? [
              {
                platform: 'facebook',
                accountId: page.id,
                name: page.name,
                extra: {},
                credentials: { accessToken: page.access_token },
              },
            ]
          : [],
      );
    },

    subscribe: (account) =>
      subscribePage(graph, account.accountId, account.credentials.accessToken, PAGE_FIELDS),
    disconnect: (account) => unsubscribeAndRevoke(graph, account.accountId, account.credentials.accessToken),
    checkHealth: (account) => checkPageToken(graph, account.credentials.accessToken),
    send: (account, request) => sendFromPage(graph, 'facebook', account, request),
    fetchCustomerProfile: (account, customerId) => fetchMetaProfile(graph, 'facebook', account, customerId),
  };
}
