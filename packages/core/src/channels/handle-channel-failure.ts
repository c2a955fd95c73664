import type { ConnectorError } from '@replyforce/connectors';
import { countChannelAuthFailure, findChannel, listMembers, updateChannel, withTenant } from '@replyforce/db';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { dispatchMail, queueMailIn } from '../mail/queue-mail.ts';
import { publish } from '../realtime/publish.ts';
import { toChannelDto } from './channel-dto.ts';

export type FailureOutcome =
  | { action: 'retry' }
  | { action: 'retry_later'; delayMs: number }
  | { action: 'give_up' };

/** Auth errors in a row before a channel is marked needs_reauth (one may be a platform hiccup). */
export const AUTH_FAILURES_BEFORE_REAUTH = 3;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * The one place that decides what a platform failure means (ARCHITECTURE.md, connectors):
 * temporary → retry with backoff; rate_limited → wait as told without using an attempt;
 * auth_revoked → count, and after a few in a row mark the channel needs_reauth and tell the
 * tenant's admins; not_found and permanent → give up (the job dead-letters, the message shows why).
 */
export async function handleChannelFailure(
  deps: CoreDeps,
  tenantId: string,
  channelId: string,
  error: ConnectorError,
  ctx: { final: boolean },
): Promise<FailureOutcome> {
  switch (error.kind) {
    case 'temporary':
      return ctx.final ? { action: 'give_up' } : { action: 'retry' };
    case 'rate_limited':
      return { action: 'retry_later', delayMs: error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS };
    case 'auth_revoked': {
      const failures = await withTenant(deps.db, tenantId, (tx) =>
        countChannelAuthFailure(tx, tenantId, channelId, error.message),
      );
      if (failures >= AUTH_FAILURES_BEFORE_REAUTH) {
        await markNeedsReauth(deps, tenantId, channelId, error.message);
        return { action: 'give_up' };
      }
      return ctx.final ? { action: 'give_up' } : { action: 'retry' };
    }
    default:
      return { action: 'give_up' };
  }
}

/** Marks the channel needs_reauth once, audits it, mails every admin and tells the dashboards. */
export async function markNeedsReauth(deps: CoreDeps, tenantId: string, channelId: string, reason: string) {
  const outcome = await withTenant(deps.db, tenantId, async (tx) => {
    const channel = await findChannel(tx, tenantId, channelId);
    if (channel?.status !== 'active') return undefined;
    const updated = await updateChannel(tx, tenantId, channelId, {
      status: 'needs_reauth',
      lastError: reason.slice(0, 500),
      lastErrorAt: new Date(),
    });
    await recordAudit(
      tx,
      { tenantId, ip: undefined },
      {
        action: 'channel.needs_reauth',
        resourceType: 'channel',
        resourceId: channelId,
        result: 'failure',
        metadata: { platform: channel.platform, accountId: channel.accountId, reason: reason.slice(0, 200) },
      },
    );
    const admins = (await listMembers(tx, tenantId)).filter((m) => m.role === 'admin');
    const mails: string[] = [];
    for (const admin of admins) {
      mails.push(
        await queueMailIn(tx, tenantId, {
          to: admin.email,
          subject: `Reconnect ${channel.name}: ReplyForce lost access`,
          text: [
            `The ${channel.platform} channel "${channel.name}" (${channel.accountId}) stopped accepting our access token:`,
            reason,
            '',
            'Messages to it are not being answered. Reconnect it from Channels:',
            `${deps.config.publicUrl}/channels`,
          ].join('\n'),
        }),
      );
    }
    return { updated, mails };
  });
  if (!outcome) return;
  for (const mailId of outcome.mails) await dispatchMail(deps, tenantId, mailId);
  if (outcome.updated) publish(deps, tenantId, 'channel.status', toChannelDto(outcome.updated));
}
