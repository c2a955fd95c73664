/** The platforms the sandbox stands in for. `facebook` is a Page: Messenger DMs and Page comments. */
export type Platform = 'facebook' | 'instagram' | 'whatsapp' | 'x';
export const PLATFORMS = ['facebook', 'instagram', 'whatsapp', 'x'] as const;

/** A seeded account a business can connect. */
export type SandboxAccount = {
  platform: Platform;
  /** Page id, Instagram account id, WhatsApp phone_number_id or X user id. */
  accountId: string;
  name: string;
  username?: string;
  /** Instagram: the linked Facebook Page. */
  pageId?: string;
  /** WhatsApp: the business account that owns the number. */
  wabaId?: string;
  displayPhoneNumber?: string;
};

/** Someone writing to a business: a PSID, IGSID, WhatsApp wa_id or X user id. */
export type Customer = { id: string; name?: string; username?: string; phone?: string };

/** What the sandbox knows about a customer of one account; `lastInboundAt` drives the 24-hour window. */
export type Contact = Customer & { lastInboundAt?: number; firstSeenAt: number };

export type EntryKind = 'message' | 'comment' | 'template' | 'private_reply' | 'comment_reply';

/**
 * Inbound entries carry the webhook delivery state (pending → delivered | retrying → failed, or
 * not_subscribed); outbound ones what the customer's device did (sent → delivered → read).
 */
export type EntryStatus =
  | 'pending'
  | 'delivered'
  | 'retrying'
  | 'failed'
  | 'not_subscribed'
  | 'sent'
  | 'read';

/** One message or comment in a customer's thread; outbound ones are also in the /control/sent log. */
export type ThreadEntry = {
  platform: Platform;
  accountId: string;
  customerId: string;
  id: string;
  direction: 'in' | 'out';
  kind: EntryKind;
  text: string;
  /** Epoch ms: when the customer wrote it, or when the platform accepted the business's send. */
  at: number;
  status: EntryStatus;
  tag?: string;
  metadata?: string;
  bizOpaqueCallbackData?: string;
  commentId?: string;
  postId?: string;
  /** The platform id this one answers (WhatsApp context, the comment or tweet replied to). */
  replyTo?: string;
  template?: { name: string; language: string; parameters: string[] };
};

/** A Facebook or Instagram comment, the customer's or the account's own reply. */
export type CommentRecord = {
  id: string;
  platform: 'facebook' | 'instagram';
  accountId: string;
  authorId: string;
  postId: string;
  parentId?: string;
  text: string;
  createdAt: number;
  privateReplyAt?: number;
};

/** A post on X: a customer's mention or the account's reply. */
export type TweetRecord = {
  id: string;
  accountId: string;
  authorId: string;
  text: string;
  createdAt: number;
  inReplyTo?: string;
};

export type Subscription = { fields: string[]; since: number };

export type XWebhook = { id: string; url: string; valid: boolean; createdAt: number };

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';

export type MessageTemplate = {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: string;
  /** Body text with {{1}}, {{2}} placeholders. */
  body: string;
};
