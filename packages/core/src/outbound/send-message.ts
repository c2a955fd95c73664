import { type AccountCredentials, ConnectorError } from '@replyforce/connectors';
import {
  hasPendingEchoOf,
  lockSendContext,
  type MessageRow,
  markMessageSent,
  touchConversationOutbound,
  updateChannel,
  updateMessage,
  withTenant,
} from '@replyforce/db';
import { PermanentJobError, RetryLaterError } from '@replyforce/queue';
import { handleChannelFailure } from '../channels/handle-channel-failure.ts';
import { conversationView, toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { planSend } from './policy.ts';
import { sendLimit } from './send-limits.ts';

/**
 * The `outbound` worker: sends one outbound message row through its channel's connector.
 * The row is marked `sending` (committed) before the call, and `sent` after it; a crash in between
 * leaves `sending`, which the platform's echo (metadata = our id) settles, or the sweeper retries
 * once the echo had time to arrive.
 */
export async function sendMessage(
  deps: CoreDeps,
  job: { tenantId: string; messageId: string },
  ctx: { attempt: number; final: boolean },
): Promise<void> {
  const { tenantId } = job;
  const prepared = await withTenant(deps.db, tenantId, async (tx) => {
    const found = await lockSendContext(tx, tenantId, job.messageId);
    const message = found?.message;
    if (!found || message?.direction !== 'outbound') return undefined;
    if (message.status !== 'pending' && message.status !== 'sending') return undefined;
    // The last attempt's outcome is unknown (a timeout, a crash): the platform may have accepted
    // it. Its echo settles that within seconds; sending again before then could answer twice.
    const since = message.lastAttemptAt ? Date.now() - message.lastAttemptAt.getTime() : Infinity;
    if (message.status === 'sending' && since < UNCONFIRMED_WAIT_MS)
      return { wait: UNCONFIRMED_WAIT_MS - since };
    const { conversation, channel, contact } = found;
    // Its echo may be stored but not yet normalised (a restarted worker picks both jobs up at once).
    if (message.status === 'sending' && (await hasPendingEchoOf(tx, tenantId, channel.id, message)))
      return { wait: ECHO_PENDING_WAIT_MS };
    if (channel.status !== 'active') {
      const failed = await updateMessage(tx, tenantId, message.id, {
        status: 'failed',
        errorKind: 'auth_revoked',
        errorMessage:
          channel.status === 'disconnected'
            ? 'The channel was disconnected'
            : 'The channel needs to be reconnected (its access was revoked)',
      });
      return { done: failed };
    }
    const plan = planSend(channel.platform, message, conversation, contact, new Date());
    if (!plan.ok) {
      const blocked = await updateMessage(tx, tenantId, message.id, {
        status: 'blocked',
        errorKind: plan.reason,
        errorMessage: plan.message,
      });
      return { done: blocked };
    }
    const credentials = JSON.parse(
      await deps.vault.open(tx, tenantId, channel.credentials),
    ) as AccountCredentials;
    await updateMessage(tx, tenantId, message.id, {
      status: 'sending',
      attempts: message.attempts + 1,
      lastAttemptAt: new Date(),
    });
    return { channel, contact, request: plan.request, credentials, message };
  });
  if (!prepared) return;
  if ('wait' in prepared && typeof prepared.wait === 'number')
    throw new RetryLaterError(prepared.wait, 'waiting for the echo of an unconfirmed send');
  if ('done' in prepared) {
    if (prepared.done) publish(deps, tenantId, 'message.status', toMessageDto(prepared.done));
    return;
  }
  const { channel, request, credentials, message } = prepared;
  const service = channel.platform;

  const wait = deps.breakers.check(service);
  if (wait !== undefined) await deferTo(deps, tenantId, message, wait, `${service} circuit open`);
  const { limit, windowMs } = sendLimit(channel.platform, deps.config.sandbox);
  const slot = await deps.limiter.acquire(`outbound:${channel.id}`, limit, windowMs);
  if (!slot.ok) await deferTo(deps, tenantId, message, slot.retryAfterMs, 'channel send rate');

  let platformMessageId: string;
  try {
    const result = await deps.channels[channel.platform].send(
      { accountId: channel.accountId, extra: channel.extra, credentials },
      request,
    );
    platformMessageId = result.platformMessageId;
    deps.breakers.success(service);
  } catch (err) {
    const failure =
      err instanceof ConnectorError
        ? err
        : new ConnectorError('temporary', err instanceof Error ? err.message : String(err));
    if (failure.kind === 'temporary' || failure.kind === 'rate_limited') deps.breakers.failure(service);
    const outcome = await handleChannelFailure(deps, tenantId, channel.id, failure, ctx);
    const updated = await withTenant(deps.db, tenantId, (tx) =>
      updateMessage(tx, tenantId, message.id, {
        // A temporary failure (timeout, 5xx) may hide an accepted send: it stays `sending` until
        // its echo confirms it or the wait above has passed. A refusal is certain: back to pending.
        status:
          outcome.action === 'give_up'
            ? failure.reason
              ? 'blocked'
              : 'failed'
            : failure.kind === 'temporary'
              ? 'sending'
              : 'pending',
        errorKind: failure.reason ?? failure.kind,
        errorMessage: failure.message.slice(0, 500),
      }),
    );
    if (updated) publish(deps, tenantId, 'message.status', toMessageDto(updated));
    if (outcome.action === 'retry_later') throw new RetryLaterError(outcome.delayMs, failure.message);
    if (outcome.action === 'retry') throw failure;
    throw new PermanentJobError(failure.message);
  }

  // The platform has the message now: recording that must not be lost to a database blip (a
  // restart), or the retry would find the row `sending` and could send it again.
  const sent = await persistently(() =>
    withTenant(deps.db, tenantId, async (tx) => {
      const now = new Date();
      const row = await markMessageSent(tx, tenantId, message.id, platformMessageId, now);
      const touched = await touchConversationOutbound(
        tx,
        tenantId,
        message.conversationId,
        now,
        message.text,
      );
      if (channel.authFailures > 0) await updateChannel(tx, tenantId, channel.id, { authFailures: 0 });
      return { row, view: touched && conversationView(touched, prepared.contact, channel) };
    }),
  );
  if (sent.row) publish(deps, tenantId, 'message.status', toMessageDto(sent.row));
  if (sent.view) publish(deps, tenantId, 'conversation.updated', toConversationDto(sent.view));
}

/** How long an unconfirmed send waits for the platform's echo before it is tried again. */
const UNCONFIRMED_WAIT_MS = 15_000;
/** The re-check delay when that echo is already stored and only waits for its inbound job. */
const ECHO_PENDING_WAIT_MS = 2_000;
/** Retries of the write that records an accepted send: about a minute in all. */
const RECORD_RETRY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000];

/** Runs fn, retrying while it throws, RECORD_RETRY_MS apart; the last error is rethrown. */
async function persistently<T>(fn: () => Promise<T>): Promise<T> {
  for (const delay of RECORD_RETRY_MS) {
    try {
      return await fn();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return fn();
}

/** Puts the row back to pending and asks the queue to run the job again later (no attempt used). */
async function deferTo(
  deps: CoreDeps,
  tenantId: string,
  message: MessageRow,
  delayMs: number,
  reason: string,
): Promise<never> {
  await withTenant(deps.db, tenantId, (tx) =>
    updateMessage(tx, tenantId, message.id, { status: 'pending', attempts: message.attempts }),
  );
  throw new RetryLaterError(delayMs, reason);
}
