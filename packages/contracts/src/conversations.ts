import { z } from 'zod';
import { PLATFORM_IDS } from './channels.ts';

export const CONVERSATION_STATUS = ['open', 'pending_approval', 'needs_human', 'snoozed', 'closed'] as const;
export type ConversationStatusId = (typeof CONVERSATION_STATUS)[number];
export const LEAD_TAGS = ['HOT', 'WARM', 'COLD'] as const;

export const ContactDto = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  platform: z.enum(PLATFORM_IDS),
  platformUserId: z.string(),
  displayName: z.string().nullable(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type ContactDto = z.infer<typeof ContactDto>;

export const ConversationDto = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  platform: z.enum(PLATFORM_IDS),
  kind: z.enum(['dm', 'comments']),
  contact: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    username: z.string().nullable(),
    platformUserId: z.string(),
  }),
  status: z.enum(CONVERSATION_STATUS),
  assigneeId: z.uuid().nullable(),
  leadTag: z.enum(LEAD_TAGS).nullable(),
  post: z.record(z.string(), z.string()).nullable(),
  unreadCount: z.number().int(),
  lastMessageAt: z.iso.datetime(),
  lastMessagePreview: z.string().nullable(),
  lastInboundAt: z.iso.datetime().nullable(),
  /** When the platform's 24-hour customer-service window closes (null: never opened). */
  windowExpiresAt: z.iso.datetime().nullable(),
  snoozedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ConversationDto = z.infer<typeof ConversationDto>;

export const MessageDto = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  sender: z.enum(['customer', 'ai', 'agent', 'system']),
  authorUserId: z.uuid().nullable(),
  kind: z.enum(['text', 'comment', 'comment_reply', 'private_reply', 'template']),
  text: z.string(),
  attachments: z.array(z.record(z.string(), z.string())),
  context: z.record(z.string(), z.unknown()),
  platformMessageId: z.string().nullable(),
  status: z.enum([
    'received',
    'pending',
    'sending',
    'sent',
    'delivered',
    'read',
    'failed',
    'blocked',
    'draft',
    'rejected',
  ]),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  aiAnalysis: z.unknown().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime().nullable(),
});
export type MessageDto = z.infer<typeof MessageDto>;

const Cursor = z.string().min(1).max(200);
const Limit = z.coerce.number().int().min(1).max(100).default(25);

export const ConversationQuery = z.strictObject({
  status: z.enum(CONVERSATION_STATUS).optional(),
  channelId: z.uuid().optional(),
  platform: z.enum(PLATFORM_IDS).optional(),
  /** A user id, or `none` for unassigned. */
  assignee: z.union([z.uuid(), z.literal('none')]).optional(),
  leadTag: z.enum(LEAD_TAGS).optional(),
  contactId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export const ConversationPage = z.object({
  items: z.array(ConversationDto),
  nextCursor: z.string().nullable(),
});

export const ConversationDetailDto = z.object({
  conversation: ConversationDto,
  /** The newest messages, oldest first; older ones through /messages?cursor=. */
  messages: z.array(MessageDto),
  olderCursor: z.string().nullable(),
});
export type ConversationDetailDto = z.infer<typeof ConversationDetailDto>;

export const MessagePageQuery = z.strictObject({ cursor: Cursor.optional(), limit: Limit });
export const MessagePage = z.object({ items: z.array(MessageDto), nextCursor: z.string().nullable() });

export const ReplyBody = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  /** For a comment thread: answer publicly under the comment or privately by DM. */
  mode: z.enum(['auto', 'public', 'private']).default('auto'),
  /** WhatsApp outside the 24-hour window: an approved template instead of text. */
  template: z
    .strictObject({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      parameters: z.array(z.string().max(1000)).max(20).default([]),
    })
    .optional(),
  /** Retrying the same request with the same key sends once. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export const AssignBody = z.strictObject({ assigneeId: z.uuid().nullable() });
export const StatusBody = z.strictObject({
  status: z.enum(['open', 'needs_human', 'snoozed', 'closed']),
  snoozedUntil: z.iso.datetime().optional(),
});

export const ContactQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  channelId: z.uuid().optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export const ContactPage = z.object({ items: z.array(ContactDto), nextCursor: z.string().nullable() });
export const ContactDetailDto = z.object({
  contact: ContactDto,
  conversations: z.array(ConversationDto),
});

export const QUEUE_NAMES = ['inbound', 'ai', 'outbound', 'crm', 'scheduled', 'mail'] as const;
export const DeadLetterDto = z.object({
  id: z.uuid(),
  queue: z.string(),
  jobName: z.string(),
  payload: z.record(z.string(), z.string()),
  error: z.string(),
  attempts: z.number().int(),
  failedAt: z.iso.datetime(),
});
export const DeadLetterQuery = z.strictObject({
  queue: z.enum(QUEUE_NAMES).optional(),
  cursor: Cursor.optional(),
  limit: Limit,
});
export const DeadLetterPage = z.object({ items: z.array(DeadLetterDto), nextCursor: z.string().nullable() });
export const QueueStatsDto = z.object({
  queues: z.array(
    z.object({
      queue: z.string(),
      waiting: z.number().int(),
      active: z.number().int(),
      delayed: z.number().int(),
      dead: z.number().int(),
    }),
  ),
});
