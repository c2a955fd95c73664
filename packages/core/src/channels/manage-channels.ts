import { type AccountCredentials, type AccountRef, ConnectorError } from '@replyforce/connectors';
import type { ChannelDto, ChannelStatusDto } from '@replyforce/contracts';
import {
  type ChannelRow,
  findChannel,
  listChannels,
  type Tx,
  updateChannel,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { toChannelDto } from './channel-dto.ts';
import { markNeedsReauth } from './handle-channel-failure.ts';

export async function listTenantChannels(deps: CoreDeps, tenantId: string): Promise<ChannelDto[]> {
  const rows = await withTenant(deps.db, tenantId, (tx) => listChannels(tx, tenantId));
  return rows.map(toChannelDto);
}

async function liveChannel(tx: Tx, tenantId: string, id: string): Promise<ChannelRow> {
  const row = await findChannel(tx, tenantId, id);
  if (!row || row.status === 'disconnected') throw new AppError('NOT_FOUND', 'No such channel');
  return row;
}

async function accountRef(deps: CoreDeps, tx: Tx, row: ChannelRow): Promise<AccountRef> {
  const credentials = JSON.parse(
    await deps.vault.open(tx, row.tenantId, row.credentials),
  ) as AccountCredentials;
  return { accountId: row.accountId, extra: row.extra, credentials };
}

/** Status with a live check: one cheap authenticated call to the platform, made now. */
export async function channelStatus(deps: CoreDeps, tenantId: string, id: string): Promise<ChannelStatusDto> {
  const { row, ref } = await withTenant(deps.db, tenantId, async (tx) => {
    const found = await liveChannel(tx, tenantId, id);
    return { row: found, ref: await accountRef(deps, tx, found) };
  });
  let checkError: string | null = null;
  try {
    await deps.channels[row.platform].checkHealth(ref);
  } catch (err) {
    checkError = err instanceof Error ? err.message : String(err);
    if (err instanceof ConnectorError && err.kind === 'auth_revoked') {
      await markNeedsReauth(deps, tenantId, row.id, checkError);
    }
  }
  const current = await withTenant(deps.db, tenantId, (tx) => liveChannel(tx, tenantId, id));
  return { channel: toChannelDto(current), tokenValid: checkError === null, checkError };
}

/**
 * Disconnects: the app unsubscribes and the token is revoked at the platform (best effort — a
 * platform that is down must not keep a workspace connected), the stored token is erased, and the
 * channel stops processing at once: webhooks for it are no longer routed and queued sends fail.
 */
export async function disconnectChannel(deps: CoreDeps, actor: Actor, id: string): Promise<void> {
  const { row, ref, shared } = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const found = await liveChannel(tx, actor.tenantId, id);
    const others = (await listChannels(tx, actor.tenantId)).filter((c) => c.id !== found.id);
    return { row: found, ref: await accountRef(deps, tx, found), shared: sharesGrant(found, others) };
  });
  let revokeError: string | undefined;
  // Unsubscribing a Page or a WhatsApp business account, and revoking its grant, would also cut
  // off the tenant's other channels on it (Instagram on the same Page, another number of the same
  // business): then this channel only stops being processed here.
  if (!shared) {
    try {
      await deps.channels[row.platform].disconnect(ref);
    } catch (err) {
      revokeError = err instanceof Error ? err.message : String(err);
    }
  }
  const updated = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const after = await updateChannel(tx, actor.tenantId, id, {
      status: 'disconnected',
      disconnectedAt: new Date(),
      credentials: await deps.vault.seal(tx, actor.tenantId, '{}'),
      tokenExpiresAt: null,
    });
    await recordAudit(tx, actor, {
      action: 'channel.disconnected',
      resourceType: 'channel',
      resourceId: id,
      result: 'success',
      metadata: {
        platform: row.platform,
        accountId: row.accountId,
        revoked: !shared && !revokeError,
        ...(revokeError ? { revokeError } : {}),
      },
    });
    return after;
  });
  deps.router.invalidate(row.platform);
  if (updated) publish(deps, actor.tenantId, 'channel.status', toChannelDto(updated));
}

/** The Page (Facebook, Instagram) or business account (WhatsApp) whose grant a channel rides on. */
function grantKey(c: ChannelRow): string | undefined {
  if (c.platform === 'facebook') return `page:${c.accountId}`;
  if (c.platform === 'instagram') return c.extra.pageId ? `page:${c.extra.pageId}` : undefined;
  if (c.platform === 'whatsapp') return c.extra.wabaId ? `waba:${c.extra.wabaId}` : undefined;
  return undefined;
}

function sharesGrant(channel: ChannelRow, others: ChannelRow[]): boolean {
  const key = grantKey(channel);
  return key !== undefined && others.some((o) => grantKey(o) === key);
}

export async function listChannelTemplates(deps: CoreDeps, tenantId: string, id: string) {
  const { row, ref } = await withTenant(deps.db, tenantId, async (tx) => {
    const found = await liveChannel(tx, tenantId, id);
    return { row: found, ref: await accountRef(deps, tx, found) };
  });
  const list = deps.channels[row.platform].listTemplates;
  if (!list) return [];
  try {
    return await list.call(deps.channels[row.platform], ref);
  } catch (err) {
    throw new AppError(
      'PLATFORM_UNAVAILABLE',
      `Could not read the templates: ${err instanceof Error ? err.message : err}`,
    );
  }
}
