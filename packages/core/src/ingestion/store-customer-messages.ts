import type { InboundEvent } from '@replyforce/connectors';
import {
  type ChannelRow,
  type ContactRow,
  type ConversationRow,
  contactKey,
  type InboundThread,
  insertMessages,
  type NewContact,
  type Tx,
  threadKey,
  upsertContacts,
  upsertConversationsOnInbound,
} from '@replyforce/db';
import { conversationView } from '../conversations/dto.ts';
import type { Effects } from './inbound-effects.ts';

type CustomerEvent = Extract<InboundEvent, { kind: 'message' | 'comment' }>;
export type ClaimedCustomerEvent = {
  eventId: string;
  event: CustomerEvent;
  channel: Pick<ChannelRow, 'id' | 'platform' | 'name'>;
};

/**
 * Turns claimed customer messages and comments into contacts, conversations and messages: one
 * statement per table for the whole batch. A contact or thread that several of the batch's
 * messages share is written once (the newest message moves the thread, each counts as unread).
 */
export async function storeCustomerMessages(
  tx: Tx,
  tenantId: string,
  claimed: ClaimedCustomerEvent[],
): Promise<Map<string, Effects>> {
  const out = new Map<string, Effects>();
  if (claimed.length === 0) return out;

  const people = new Map<string, NewContact>();
  for (const { event, channel } of claimed) {
    const customer = event.customer ?? { id: 'anonymous', name: 'Unknown person' };
    const row: NewContact = {
      id: crypto.randomUUID(),
      tenantId,
      channelId: channel.id,
      platformUserId: customer.id,
      displayName: customer.name ?? customer.username ?? null,
      username: customer.username ?? null,
      phone: customer.phone ?? null,
    };
    const key = contactKey(row);
    const seen = people.get(key);
    people.set(
      key,
      seen
        ? {
            ...seen,
            displayName: row.displayName ?? seen.displayName,
            username: row.username ?? seen.username,
            phone: row.phone ?? seen.phone,
          }
        : row,
    );
  }
  const contacts = new Map<string, ContactRow>();
  for (const c of await upsertContacts(tx, [...people.values()])) contacts.set(contactKey(c), c);

  const threads = new Map<string, InboundThread>();
  const threadOf = new Map<string, string>();
  for (const { eventId, event, channel } of claimed) {
    const contact = contactOf(contacts, channel.id, event);
    const isComment = event.kind === 'comment';
    const at = new Date(event.timestamp);
    const row: InboundThread = {
      id: crypto.randomUUID(),
      tenantId,
      channelId: channel.id,
      contactId: contact.id,
      threadKey: isComment ? `post:${event.postId}` : 'dm',
      kind: isComment ? 'comments' : 'dm',
      post: isComment
        ? stringRecord({ postId: event.postId, permalink: event.permalink, mediaType: event.mediaType })
        : null,
      at,
      preview: event.text || '[attachment]',
      count: 1,
    };
    const key = threadKey(row);
    threadOf.set(eventId, key);
    const seen = threads.get(key);
    if (!seen) threads.set(key, row);
    else {
      seen.count++;
      if (at >= seen.at) Object.assign(seen, { at, preview: row.preview });
    }
  }
  const conversations = new Map<string, ConversationRow>();
  for (const c of await upsertConversationsOnInbound(tx, [...threads.values()]))
    conversations.set(threadKey(c), c);

  const inserted = await insertMessages(
    tx,
    claimed.map(({ eventId, event, channel }) => {
      const isComment = event.kind === 'comment';
      return {
        id: crypto.randomUUID(),
        tenantId,
        conversationId: (conversations.get(threadOf.get(eventId) as string) as ConversationRow).id,
        channelId: channel.id,
        direction: 'inbound' as const,
        sender: 'customer' as const,
        kind: isComment ? ('comment' as const) : ('text' as const),
        text: event.text,
        attachments: event.kind === 'comment' ? [] : event.attachments.map(stringRecord),
        context:
          event.kind === 'comment'
            ? { commentId: event.commentId, postId: event.postId, parentId: event.parentId ?? null }
            : { replyToId: event.replyToId ?? null },
        platformMessageId: event.kind === 'comment' ? event.commentId : event.eventId,
        inboundEventId: eventId,
        status: 'received' as const,
        createdAt: new Date(event.timestamp),
      };
    }),
  );
  const messageOf = new Map(inserted.map((m) => [m.inboundEventId, m]));

  const named = new Set<string>();
  for (const { eventId, event, channel } of claimed) {
    const contact = contactOf(contacts, channel.id, event);
    const conversation = conversations.get(threadOf.get(eventId) as string) as ConversationRow;
    const message = messageOf.get(eventId);
    // The profile is fetched once per contact, however many of its messages the batch holds.
    const unnamed = !contact.displayName && !named.has(contact.id);
    named.add(contact.id);
    out.set(eventId, {
      created: message ? [message] : [],
      statusChanged: [],
      conversationId: conversation.id,
      view: conversationView(conversation, contact, channel),
      decide: message?.id,
      ...(unnamed ? { unnamedContact: contact.id } : {}),
    });
  }
  return out;
}

function contactOf(contacts: Map<string, ContactRow>, channelId: string, event: CustomerEvent): ContactRow {
  const contact = contacts.get(contactKey({ channelId, platformUserId: event.customer?.id ?? 'anonymous' }));
  if (!contact) throw new Error('contact upsert returned nothing');
  return contact;
}

/** The string-valued fields of `o` (absent optional ones dropped). */
export function stringRecord(o: object): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
