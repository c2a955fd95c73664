import type { GrantedAccount } from '@replyforce/connectors';
import {
  type ChannelRow,
  findLiveChannelByAccount,
  insertChannel,
  isUniqueViolation,
  type Tx,
  updateChannel,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

/**
 * Stores each granted account as a channel with its token sealed; reconnecting an account the
 * tenant already has refreshes its token and clears needs_reauth. An account another workspace
 * has connected is refused: its webhooks can only go to one of them.
 */
export async function saveGrantedAccounts(
  deps: CoreDeps,
  tx: Tx,
  tenantId: string,
  userId: string | null,
  accounts: GrantedAccount[],
): Promise<ChannelRow[]> {
  const saved: ChannelRow[] = [];
  for (const account of accounts) {
    const credentials = await deps.vault.seal(tx, tenantId, JSON.stringify(account.credentials));
    const fields = {
      name: account.name,
      username: account.username ?? null,
      extra: account.extra,
      credentials,
      tokenExpiresAt: account.credentials.expiresAt ? new Date(account.credentials.expiresAt) : null,
      status: 'active' as const,
      authFailures: 0,
      lastError: null,
      lastErrorAt: null,
    };
    const existing = await findLiveChannelByAccount(tx, tenantId, account.platform, account.accountId);
    if (existing) {
      const row = await updateChannel(tx, tenantId, existing.id, fields);
      if (row) saved.push(row);
      continue;
    }
    const id = crypto.randomUUID();
    try {
      await insertChannel(tx, {
        id,
        tenantId,
        platform: account.platform,
        accountId: account.accountId,
        connectedBy: userId,
        ...fields,
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError(
          'CHANNEL_IN_USE',
          `${account.name} (${account.accountId}) is already connected to another workspace`,
        );
      throw err;
    }
    const row = await findLiveChannelByAccount(tx, tenantId, account.platform, account.accountId);
    if (row) saved.push(row);
  }
  return saved;
}
