import type { InboundEvent } from '@replyforce/connectors';
import {
  applyMessageStatus,
  type ConversationListRow,
  claimInboundEvent,
  findContactByIdentity,
  findConversationView,
  findMessage,
  findMessageByPlatformId,
  findUnsettledSendByText,
  finishInboundEvent,
  insertMessage,
  type MessageRow,
  type Tx,
  touchChannelEvent,
  touchConversationOutbound,
  upsertContact,
  upsertConversation,
  upsertConversationOnInbound,
  withTenant,
} from '@replyforce/db';
import { conversationView, toConversationDto, toMessageDto } from '../conversations/dto.ts';
import type { CoreDeps } from '../deps.ts';
import { publish } from '../realtime/publish.ts';
import { confirmByEcho, ownMessageIdOf } from './confirm-by-echo.ts';
import { enrichContact } from './enrich-contact.ts';

type Effects = {
  /** A new contact whose name the webhook did not give. */
  unnamedContact?: string;
  created: MessageRow[];
  statusChanged: MessageRow[];
  conversationId: string | undefined;
  /** The conversation as dashboards list it, read in the same transaction. */
  view?: ConversationListRow | undefined;
  decide: string | undefined;
};

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

async function normalise(deps: CoreDeps, job: { tenantId: string; eventId: string }): Promise<void> {
  const effects = await withTenant(deps.db, job.tenantId, async (tx): Promise<Effects | undefined> => {
    // Claimed (marked done, or skipped) up front: one statement, not a locking read and a final update.
    const found = await claimInboundEvent(tx, job.tenantId, job.eventId);
    if (!found) return undefined;
    const { event: row, channel } = found;
    if (channel.status === 'disconnected') return undefined;
    const event = row.payload as InboundEvent;
    const fx: Effects = { created: [], statusChanged: [], conversationId: undefined, decide: undefined };
    const at = new Date(event.timestamp);
    if (channelEventDue(channel.id)) await touchChannelEvent(tx, job.tenantId, channel.id, new Date());

    if (event.kind === 'message' || event.kind === 'comment') {
      const customer = event.customer ?? { id: 'anonymous', name: 'Unknown person' };
      const contact = await upsertContact(tx, {
        id: crypto.randomUUID(),
        tenantId: job.tenantId,
        channelId: channel.id,
        platformUserId: customer.id,
        displayName: customer.name ?? customer.username,
        username: customer.username,
        phone: customer.phone,
      });
      if (!contact.displayName) fx.unnamedContact = contact.id;
      const isComment = event.kind === 'comment';
      const conversation = await upsertConversationOnInbound(
        tx,
        {
          id: crypto.randomUUID(),
          tenantId: job.tenantId,
          channelId: channel.id,
          contactId: contact.id,
          threadKey: isComment ? `post:${event.postId}` : 'dm',
          kind: isComment ? 'comments' : 'dm',
          post: isComment
            ? stringRecord({ postId: event.postId, permalink: event.permalink, mediaType: event.mediaType })
            : null,
        },
        at,
        event.text || '[attachment]',
      );
      const message = await insertMessage(tx, {
        id: crypto.randomUUID(),
        tenantId: job.tenantId,
        conversationId: conversation.id,
        channelId: channel.id,
        direction: 'inbound',
        sender: 'customer',
        kind: isComment ? 'comment' : 'text',
        text: event.text,
        attachments: isComment ? [] : event.attachments.map(stringRecord),
        context: isComment
          ? { commentId: event.commentId, postId: event.postId, parentId: event.parentId ?? null }
          : { replyToId: event.replyToId ?? null },
        platformMessageId: isComment ? event.commentId : event.eventId,
        inboundEventId: row.id,
        status: 'received',
        createdAt: at,
      });
      if (message) {
        fx.created.push(message);
        fx.decide = message.id;
      }
      fx.view = conversationView(conversation, contact, channel);
    } else if (event.kind === 'status') {
      const match =
        event.platformMessageIds.length > 0
          ? { platformMessageIds: event.platformMessageIds }
          : await watermarkMatch(tx, job.tenantId, channel.id, event);
      if (match) {
        fx.statusChanged = await applyMessageStatus(
          tx,
          job.tenantId,
          channel.id,
          match,
          event.status,
          at,
          event.error?.message,
        );
      }
    } else {
      await applyEcho(tx, job.tenantId, channel.id, event, fx);
    }
    if (fx.conversationId && !fx.view)
      fx.view = await findConversationView(tx, job.tenantId, fx.conversationId);
    return fx;
  });
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

export async function publishConversation(deps: CoreDeps, tenantId: string, conversationId: string) {
  const view = await withTenant(deps.db, tenantId, (tx) =>
    findConversationView(tx, tenantId, conversationId),
  );
  if (view) publish(deps, tenantId, 'conversation.updated', toConversationDto(view));
}

/** The string-valued fields of `o` (absent optional ones dropped). */
function stringRecord(o: object): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
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
