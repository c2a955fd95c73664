import type { AccountCredentials } from '@replyforce/connectors';
import { fillContactProfile, findChannel, findContact, withTenant } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';

/**
 * Messenger and Instagram webhooks carry only ids; the name comes from the platform's profile API.
 * Best effort, after the message is safely stored: a failure leaves the contact unnamed.
 */
export async function enrichContact(deps: CoreDeps, tenantId: string, contactId: string): Promise<boolean> {
  const target = await withTenant(deps.db, tenantId, async (tx) => {
    const contact = await findContact(tx, tenantId, contactId);
    if (!contact || contact.displayName || contact.platformUserId === 'anonymous') return undefined;
    const channel = await findChannel(tx, tenantId, contact.channelId);
    if (channel?.status !== 'active' || !deps.channels[channel.platform].fetchCustomerProfile)
      return undefined;
    const credentials = JSON.parse(
      await deps.vault.open(tx, tenantId, channel.credentials),
    ) as AccountCredentials;
    return { contact, channel, credentials };
  });
  if (!target) return false;
  const { contact, channel, credentials } = target;
  try {
    const profile = await deps.channels[channel.platform].fetchCustomerProfile?.(
      { accountId: channel.accountId, extra: channel.extra, credentials },
      contact.platformUserId,
    );
    if (!profile?.name && !profile?.username) return false;
    await withTenant(deps.db, tenantId, (tx) =>
      fillContactProfile(tx, tenantId, contact.id, {
        // As for contacts named in the webhook: the username stands in when there is no name.
        name: profile.name ?? profile.username,
        username: profile.username,
      }),
    );
    return true;
  } catch {
    return false;
  }
}
