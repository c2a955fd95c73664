import { type AccountCredentials, ConnectorError } from '@replyforce/connectors';
import {
  type ConversationRow,
  hasPendingEchoOf,
  lockSendContexts,
  type MessageRow,
  markMessagesSending,
  markMessagesSent,
  type SendContext,
  type Tx,
  touchConversationsOutbound,
  updateChannel,
  updateMessage,
  withTenant,
} from '@replyforce/db';
import { PermanentJobError, RetryLaterError } from '@replyforce/queue';
import { handleChannelFailure } from '../channels/handle-channel-failure.ts';
import { conversationView, toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { createGroupedBatcher } from '../ingestion/batcher.ts';
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
  const prepared = await claimBatcher(deps).submit(job);
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
    settleBatcher(deps).submit({
      tenantId,
      messageId: message.id,
      conversationId: message.conversationId,
      platformMessageId,
      text: message.text,
      channelId: channel.id,
      authFailures: channel.authFailures,
    }),
  );
  const view = sent.conversation && conversationView(sent.conversation, prepared.contact, channel);
  if (sent.row) publish(deps, tenantId, 'message.status', toMessageDto(sent.row));
  if (view) publish(deps, tenantId, 'conversation.updated', toConversationDto(view));
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

type Job = { tenantId: string; messageId: string };
type Prepared = Awaited<ReturnType<typeof claimOne>>;

/**
 * Sends that wait together are claimed in one transaction (one locking read, one update) and
 * recorded as sent in another: the calls to the platform still go one by one, in parallel.
 */
const claimers = new WeakMap<CoreDeps, { submit(job: Job): Promise<Prepared> }>();
function claimBatcher(deps: CoreDeps) {
  let b = claimers.get(deps);
  if (!b) {
    b = createGroupedBatcher<Job, Prepared>(
      (tenantId, jobs) => withTenant(deps.db, tenantId, (tx) => claimMany(deps, tx, tenantId, jobs)),
      { maxBatch: 50, maxInFlight: 1 },
    );
    claimers.set(deps, b);
  }
  return b;
}

async function claimMany(deps: CoreDeps, tx: Tx, tenantId: string, jobs: Job[]): Promise<Prepared[]> {
  const contexts = new Map(
    (await lockSendContexts(tx, tenantId, [...new Set(jobs.map((j) => j.messageId))])).map((c) => [
      c.message.id,
      c,
    ]),
  );
  const now = new Date();
  const claimed = new Map<string, Prepared>();
  for (const [id, found] of contexts) claimed.set(id, await claimOne(deps, tx, tenantId, found));
  const sending = [...claimed.values()].flatMap((p) =>
    p && 'request' in p && p.message ? [p.message.id] : [],
  );
  await markMessagesSending(tx, tenantId, sending, now);
  // The same message twice in one batch (a sweeper's re-dispatch): only the first sends.
  const seen = new Set<string>();
  return jobs.map((j) => {
    if (seen.has(j.messageId)) return undefined;
    seen.add(j.messageId);
    return claimed.get(j.messageId);
  });
}

/** Decides whether one locked outbound message is sent now; `request` means it is (marked sending by the caller). */
async function claimOne(deps: CoreDeps, tx: Tx, tenantId: string, found: SendContext) {
  const message = found.message;
  if (message.direction !== 'outbound') return undefined;
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
  return { channel, contact, request: plan.request, credentials, message };
}

type Settle = {
  tenantId: string;
  messageId: string;
  conversationId: string;
  platformMessageId: string;
  text: string;
  channelId: string;
  authFailures: number;
};
type Settled = { row: MessageRow | undefined; conversation: ConversationRow | undefined };

const settlers = new WeakMap<CoreDeps, { submit(s: Settle): Promise<Settled> }>();
function settleBatcher(deps: CoreDeps) {
  let b = settlers.get(deps);
  if (!b) {
    b = createGroupedBatcher<Settle, Settled>(
      (tenantId, items) => withTenant(deps.db, tenantId, (tx) => settleMany(tx, tenantId, items)),
      { maxBatch: 100, maxInFlight: 1 },
    );
    settlers.set(deps, b);
  }
  return b;
}

async function settleMany(tx: Tx, tenantId: string, items: Settle[]): Promise<Settled[]> {
  const now = new Date();
  const rows = new Map(
    (
      await markMessagesSent(
        tx,
        tenantId,
        items.map((i) => ({ id: i.messageId, platformMessageId: i.platformMessageId, at: now })),
      )
    ).map((r) => [r.id, r]),
  );
  // One conversation once: the last of its replies in the batch gives the preview.
  const threads = new Map(
    items.map((i) => [i.conversationId, { id: i.conversationId, at: now, preview: i.text }]),
  );
  const conversations = new Map(
    (await touchConversationsOutbound(tx, tenantId, [...threads.values()])).map((c) => [c.id, c]),
  );
  for (const channelId of new Set(items.filter((i) => i.authFailures > 0).map((i) => i.channelId)))
    await updateChannel(tx, tenantId, channelId, { authFailures: 0 });
  return items.map((i) => ({
    row: rows.get(i.messageId),
    conversation: conversations.get(i.conversationId),
  }));
}
