import type { Graph } from './meta-graph.ts';
import type { AccountRef } from './types.ts';

/**
 * Messenger's User Profile API (`GET /<PSID>?fields=first_name,last_name`) and Instagram's user
 * fields (`GET /<IGSID>?fields=name,username`), read with the Page token: webhooks carry only ids.
 */
export async function fetchMetaProfile(
  graph: Graph,
  platform: 'facebook' | 'instagram',
  account: AccountRef,
  customerId: string,
): Promise<{ name?: string; username?: string }> {
  const fields = platform === 'facebook' ? 'first_name,last_name' : 'name,username';
  const body = (await graph({
    method: 'GET',
    path: [customerId],
    token: account.credentials.accessToken,
    query: { fields },
  })) as { first_name?: string; last_name?: string; name?: string; username?: string };
  const name = body.name ?? [body.first_name, body.last_name].filter(Boolean).join(' ');
  return { ...(name ? { name } : {}), ...(body.username ? { username: body.username } : {}) };
}
