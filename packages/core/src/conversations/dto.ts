import type { ContactDto, ConversationDto, MessageDto, PlatformId } from '@replyforce/contracts';
import type {
  ChannelRow,
  ContactRow,
  ConversationListRow,
  ConversationRow,
  MessageRow,
} from '@replyforce/db';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const WINDOW_MS = 24 * 3600_000;

/**
 * The conversation as dashboards list it, from rows a job already holds: the same shape as
 * findConversationView, without reading it back.
 */
export function conversationView(
  conversation: ConversationRow,
  contact: Pick<ContactRow, 'displayName' | 'username' | 'platformUserId'>,
  channel: Pick<ChannelRow, 'platform' | 'name'>,
): ConversationListRow {
  return {
    conversation,
    contactName: contact.displayName,
    contactUsername: contact.username,
    contactPlatformUserId: contact.platformUserId,
    platform: channel.platform,
    channelName: channel.name,
  };
}

export function toConversationDto(row: ConversationListRow): ConversationDto {
  const c = row.conversation;
  return {
    id: c.id,
    channelId: c.channelId,
    channelName: row.channelName,
    platform: row.platform as PlatformId,
    kind: c.kind,
    contact: {
      id: c.contactId,
      name: row.contactName,
      username: row.contactUsername,
      platformUserId: row.contactPlatformUserId,
    },
    status: c.status,
    assigneeId: c.assigneeId,
    leadTag: c.leadTag,
    post: c.post ?? null,
    unreadCount: c.unreadCount,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastMessagePreview: c.lastMessagePreview,
    lastInboundAt: iso(c.lastInboundAt),
    windowExpiresAt: c.lastInboundAt ? new Date(c.lastInboundAt.getTime() + WINDOW_MS).toISOString() : null,
    snoozedUntil: iso(c.snoozedUntil),
    createdAt: c.createdAt.toISOString(),
  };
}

export function toMessageDto(m: MessageRow): MessageDto {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    sender: m.sender,
    authorUserId: m.authorUserId,
    kind: m.kind,
    text: m.text,
    attachments: m.attachments,
    context: m.context,
    platformMessageId: m.platformMessageId,
    status: m.status,
    errorKind: m.errorKind,
    errorMessage: m.errorMessage,
    aiAnalysis: m.aiAnalysis ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
  };
}

export function toContactDto(c: ContactRow, platform: string): ContactDto {
  return {
    id: c.id,
    channelId: c.channelId,
    platform: platform as PlatformId,
    platformUserId: c.platformUserId,
    displayName: c.displayName,
    username: c.username,
    phone: c.phone,
    createdAt: c.createdAt.toISOString(),
    lastSeenAt: c.lastSeenAt.toISOString(),
  };
}
