import type { InboundEvent } from '@replyforce/connectors';
import {
  applyMessageStatus,
  claimInboundEvents,
  findContactByIdentity,
  findConversationView,
  findMessage,
  findMessageByPlatformId,
  findUnsettledSendByText,
  finishInboundEvent,
  insertMessage,
  type Tx,
  touchChannelEvent,
  touchConversationOutbound,
  upsertConversation,
  withTenant,
} from '@replyforce/db';
import { toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { createGroupedBatcher } from './batcher.ts';
import { confirmByEcho, ownMessageIdOf } from './confirm-by-echo.ts';
import { enrichContact } from './enrich-contact.ts';
import { type Effects, noEffects } from './inbound-effects.ts';
import { type ClaimedCustomerEvent, storeCustomerMessages } from './store-customer-messages.ts';

/** When this process last recorded an event on each channel (`last_event_at` is kept per minute). */
const channelTouchedAt = new Map<string, number>();
function channelEventDue(channelId: string): boolean {
  const now = Date.now();
  if (now - (channelTouchedAt.get(channelId) ?? 0) < 60_000) return false;
  if (channelTouchedAt.size > 10_000) channelTouchedAt.clear();
  channelTouchedAt.set(channelId, now);
  return true;
}

/**
 * The `inbound` worker: turns one stored platform event into contact, conversation and message
 * (or a status change), exactly once — the event row is locked and marked done in the same
 * transaction, and the message is unique on the event id.
 */
export async function processInboundEvent(
  deps: CoreDeps,
  job: { tenantId: string; eventId: string },
  ctx: { final: boolean } = { final: false },
): Promise<void> {
  try {
    await normalise(deps, job);
  } catch (err) {
    // The last attempt leaves the event `failed` (and a dead letter): the sweeper stops retrying it.
    if (ctx.final) {
      await withTenant(deps.db, job.tenantId, (tx) =>
        finishInboundEvent(
          tx,
          job.tenantId,
          job.eventId,
          'failed',
          err instanceof Error ? err.message : String(err),
        ),
      ).catch(() => {});
    }
    throw err;
  }
}

/**
 * Jobs that wait together are normalised together: one claim for all their events, one statement
 * per table for their customer messages, one commit. At low load a batch is one job and adds no
 * wait; under load it is what keeps the worker's round trips per message down.
 */
const batchers = new WeakMap<CoreDeps, { submit(job: Job): Promise<Effects | undefined> }>();
type Job = { tenantId: string; eventId: string };

function inboundBatcher(deps: CoreDeps) {
  let b = batchers.get(deps);
  if (!b) {
    b = createGroupedBatcher<Job, Effects | undefined>(
      (tenantId, jobs) =>
        withTenant(deps.db, tenantId, (tx) =>
          normaliseMany(
            tx,
            tenantId,
            jobs.map((j) => j.eventId),
          ),
        ),
      { maxBatch: 100, maxInFlight: 1 },
    );
    batchers.set(deps, b);
  }
  return b;
}

async function normalise(deps: CoreDeps, job: Job): Promise<void> {
  const effects = await inboundBatcher(deps).submit(job);
  if (!effects) return;

  // Before the decision, so a greeting can use the name.
  if (effects.unnamedContact) await enrichContact(deps, job.tenantId, effects.unnamedContact);
  if (effects.decide) {
    await deps.queue.dispatch(
      'ai.process',
      { tenantId: job.tenantId, messageId: effects.decide },
      { jobId: `ai-${effects.decide}` },
    );
  }
  for (const m of effects.created) publish(deps, job.tenantId, 'message.created', toMessageDto(m));
  for (const m of effects.statusChanged) publish(deps, job.tenantId, 'message.status', toMessageDto(m));
  if (effects.view) publish(deps, job.tenantId, 'conversation.updated', toConversationDto(effects.view));
}

async function normaliseMany(tx: Tx, tenantId: string, eventIds: string[]): Promise<(Effects | undefined)[]> {
  const out = new Map<string, Effects>();
  const customer: ClaimedCustomerEvent[] = [];
  for (const { event: row, channel } of await claimInboundEvents(tx, tenantId, eventIds)) {
    if (channel.status === 'disconnected') continue;
    if (channelEventDue(channel.id)) await touchChannelEvent(tx, tenantId, channel.id, new Date());
    const event = row.payload as InboundEvent;
    if (event.kind === 'message' || event.kind === 'comment') {
      customer.push({ eventId: row.id, event, channel });
      continue;
    }
    const fx = noEffects();
    if (event.kind === 'status') {
      const match =
        event.platformMessageIds.length > 0
          ? { platformMessageIds: event.platformMessageIds }
          : await watermarkMatch(tx, tenantId, channel.id, event);
      if (match) {
        fx.statusChanged = await applyMessageStatus(
          tx,
          tenantId,
          channel.id,
          match,
          event.status,
          new Date(event.timestamp),
          event.error?.message,
        );
      }
    } else await applyEcho(tx, tenantId, channel.id, event, fx);
    if (fx.conversationId) fx.view = await findConversationView(tx, tenantId, fx.conversationId);
    out.set(row.id, fx);
  }
  for (const [id, fx] of await storeCustomerMessages(tx, tenantId, customer)) out.set(id, fx);
  return eventIds.map((id) => out.get(id));
}

export async function publishConversation(deps: CoreDeps, tenantId: string, conversationId: string) {
  const view = await withTenant(deps.db, tenantId, (tx) =>
    findConversationView(tx, tenantId, conversationId),
  );
  if (view) publish(deps, tenantId, 'conversation.updated', toConversationDto(view));
}

async function watermarkMatch(
  tx: Tx,
  tenantId: string,
  channelId: string,
  event: Extract<InboundEvent, { kind: 'status' }>,
) {
  const contact = await findContactByIdentity(tx, tenantId, channelId, event.customerId);
  if (!contact) return undefined;
  return { contactId: contact.id, upTo: new Date(event.watermark ?? event.timestamp) };
}

/**
 * An echo is the platform showing us a message the business account sent. Ours (metadata = our
 * message id) confirms a send whose answer we may have lost in a crash; anything else was sent
 * from another tool and is recorded as an agent message so the thread stays complete.
 */
async function applyEcho(
  tx: Tx,
  tenantId: string,
  channelId: string,
  event: Extract<InboundEvent, { kind: 'echo' }>,
  fx: Effects,
): Promise<void> {
  const ownId = ownMessageIdOf(event.metadata);
  const ours = ownId && (await findMessage(tx, tenantId, ownId, true));
  if (ours) {
    const updated = await confirmByEcho(tx, tenantId, ours, event);
    if (updated) fx.statusChanged.push(updated);
    return;
  }
  const contact = await findContactByIdentity(tx, tenantId, channelId, event.customerId);
  if (!contact) return;
  const conversation = await upsertConversation(tx, {
    id: crypto.randomUUID(),
    tenantId,
    channelId,
    contactId: contact.id,
    threadKey: 'dm',
    kind: 'dm',
  });
  const at = new Date(event.timestamp);
  if (await findMessageByPlatformId(tx, tenantId, channelId, event.platformMessageId)) return;
  // An echo without our id that overtook our own send's answer (X) is still ours.
  const pending = await findUnsettledSendByText(tx, tenantId, conversation.id, event.text);
  if (pending) {
    const updated = await confirmByEcho(tx, tenantId, pending, event);
    if (updated) fx.statusChanged.push(updated);
    return;
  }
  const message = await insertMessage(tx, {
    id: crypto.randomUUID(),
    tenantId,
    conversationId: conversation.id,
    channelId,
    direction: 'outbound',
    sender: 'agent',
    kind: 'text',
    text: event.text,
    context: { external: true },
    platformMessageId: event.platformMessageId,
    status: 'sent',
    createdAt: at,
    sentAt: at,
  });
  if (message) {
    await touchConversationOutbound(tx, tenantId, conversation.id, at, event.text);
    fx.created.push(message);
    fx.conversationId = conversation.id;
  }
}
