import { ConnectorError, type GrantedAccount, type Platform } from '@replyforce/connectors';
import type { ChannelDto } from '@replyforce/contracts';
import { takeOAuthState, withTenant } from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { toChannelDto } from './channel-dto.ts';
import { saveGrantedAccounts } from './save-granted-accounts.ts';

/**
 * Finishes the OAuth flow: checks the state belongs to this user, exchanges the code, stores every
 * granted account with its token sealed, and subscribes the app to each account's webhooks.
 */
export async function completeConnect(
  deps: CoreDeps,
  actor: Actor,
  input: { state: string; code?: string | undefined; error?: string | undefined },
): Promise<ChannelDto[]> {
  const state = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await takeOAuthState(tx, actor.tenantId, input.state);
    if (!row || row.userId !== actor.userId) return undefined;
    return { ...row, codeVerifier: await deps.vault.open(tx, actor.tenantId, row.codeVerifier) };
  });
  if (!state)
    throw new AppError(
      'OAUTH_STATE_INVALID',
      'This connection attempt is unknown or was already used; start again',
    );
  if (state.expiresAt.getTime() < Date.now())
    throw new AppError('OAUTH_STATE_INVALID', 'This connection attempt expired; start again');
  const platform = state.platform as Platform;
  if (input.error || !input.code) {
    await audit(deps, actor, platform, 'failure', { reason: input.error ?? 'no code' });
    throw new AppError('CONNECT_DENIED', 'The platform did not grant access, so nothing was connected');
  }
  const connector = deps.channels[platform];
  let granted: GrantedAccount[];
  try {
    granted = await connector.exchangeCode({
      code: input.code,
      redirectUri: state.redirectUri,
      codeVerifier: state.codeVerifier,
    });
    for (const account of granted) await connector.subscribe(account);
  } catch (err) {
    await audit(deps, actor, platform, 'failure', {
      reason: err instanceof Error ? err.message.slice(0, 200) : 'error',
    });
    if (err instanceof ConnectorError && (err.kind === 'temporary' || err.kind === 'rate_limited'))
      throw new AppError(
        'PLATFORM_UNAVAILABLE',
        `${platform} did not answer properly; try again in a moment`,
      );
    if (err instanceof ConnectorError)
      throw new AppError('CONNECT_DENIED', `${platform} refused the connection: ${err.message}`);
    throw err;
  }
  if (granted.length === 0)
    throw new AppError('CONNECT_DENIED', 'No account was selected on the consent page');
  const saved = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const rows = await saveGrantedAccounts(deps, tx, actor.tenantId, actor.userId, granted);
    await recordAudit(tx, actor, {
      action: 'channel.connected',
      resourceType: 'channel',
      result: 'success',
      metadata: { platform, accounts: rows.map((r) => ({ id: r.id, accountId: r.accountId, name: r.name })) },
    });
    return rows;
  });
  deps.router.invalidate(platform);
  const dtos = saved.map(toChannelDto);
  for (const dto of dtos) publish(deps, actor.tenantId, 'channel.status', dto);
  return dtos;
}

async function audit(
  deps: CoreDeps,
  actor: Actor,
  platform: Platform,
  result: 'success' | 'failure',
  metadata: Record<string, unknown>,
) {
  await withTenant(deps.db, actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'channel.connect_failed',
      resourceType: 'channel',
      result,
      metadata: { platform, ...metadata },
    }),
  );
}
