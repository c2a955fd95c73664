/**
 * The one interface every social channel connector implements. Connectors speak the platform's
 * real HTTP contract (../shared/reference/platform-contracts.md) against a configurable base URL,
 * so the same code reaches graph.facebook.com / api.x.com or the local sandbox. They never import
 * db or core: core hands them credentials and gets back ids or a ConnectorError.
 */

/** A connected account's platform. `facebook` is a Page: Messenger DMs and Page comments. */
export type Platform = 'facebook' | 'instagram' | 'whatsapp' | 'x';
export const PLATFORMS: readonly Platform[] = ['facebook', 'instagram', 'whatsapp', 'x'];

/** The URL segment of each webhook receiver: POST /webhooks/<segment>. */
export const WEBHOOK_SEGMENT: Record<Platform, string> = {
  facebook: 'facebook',
  instagram: 'instagram',
  whatsapp: 'whatsapp',
  x: 'twitter',
};

/** Where each platform lives. Production defaults are the real hosts; the sandbox overrides them. */
export type ChannelEndpoints = {
  /** https://graph.facebook.com — Graph API for Messenger, Instagram and WhatsApp Cloud. */
  graphUrl: string;
  /** https://www.facebook.com — the OAuth dialog. */
  facebookWebUrl: string;
  /** https://api.x.com — X API v2. */
  xApiUrl: string;
  /** https://x.com — the OAuth 2 authorize page. */
  xWebUrl: string;
  /** Graph API version used in every path, e.g. v21.0. */
  graphVersion: string;
};

export type ChannelAppCredentials = {
  metaAppId: string;
  metaAppSecret: string;
  xClientId: string;
  xClientSecret: string;
  /** X consumer secret (API secret key): signs CRC responses and webhook payloads. */
  xConsumerSecret: string;
  /** X Account Activity webhook id this deployment registered (POST /2/webhooks). */
  xWebhookId: string;
};

export type ConnectorContext = {
  endpoints: ChannelEndpoints;
  app: ChannelAppCredentials;
  /** Per-request timeout; a slower platform is a `temporary` failure. */
  timeoutMs: number;
  fetch?: typeof fetch;
};

/** Secrets of one connected account. Encrypted at rest by core; never logged or put in jobs. */
export type AccountCredentials = {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; absent for non-expiring Page / system-user tokens. */
  expiresAt?: number;
};

/** One account the user granted during OAuth (a Page, an Instagram account, a WhatsApp number, an X user). */
export type GrantedAccount = {
  platform: Platform;
  /** Page id, Instagram account id, WhatsApp phone_number_id or X user id: what webhooks route by. */
  accountId: string;
  name: string;
  username?: string;
  /** Platform-specific non-secret ids: { pageId } for Instagram, { wabaId, displayPhoneNumber } for WhatsApp. */
  extra: Record<string, string>;
  credentials: AccountCredentials;
};

/** What core passes back to a connector to act for one connected account. */
export type AccountRef = {
  accountId: string;
  extra: Record<string, string>;
  credentials: AccountCredentials;
};

export type OutboundRequest =
  /** A direct message. `tag: 'HUMAN_AGENT'` marks an agent-typed reply outside the 24 h window. */
  | {
      kind: 'dm';
      recipientId: string;
      text: string;
      tag?: 'HUMAN_AGENT';
      /** Opaque string the platform hands back in echoes / status webhooks (our message id). */
      metadata?: string;
      /** Platform id of the customer message being answered (WhatsApp context.message_id). */
      replyToPlatformId?: string;
    }
  /** A public reply under a comment (Facebook / Instagram) or a reply post to a mention (X). */
  | { kind: 'comment_reply'; commentId: string; text: string }
  /** A private DM to the author of a comment: one per comment, within 7 days (Meta only). */
  | { kind: 'private_reply'; commentId: string; text: string; metadata?: string }
  /** An approved WhatsApp template: the only thing allowed outside the 24 h window. */
  | {
      kind: 'template';
      recipientId: string;
      name: string;
      language: string;
      parameters: string[];
      metadata?: string;
    };

export type SendResult = { platformMessageId: string };

export type MessageTemplate = {
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  category: string;
  /** Body text with {{1}}, {{2}} placeholders. */
  body: string;
};

export interface ChannelConnector {
  readonly platform: Platform;
  /** The consent page URL. X uses PKCE (S256), Meta ignores codeChallenge. */
  authorizeUrl(p: { state: string; redirectUri: string; codeChallenge: string }): string;
  /** Exchanges the code and lists every account the user granted, each with its own token. */
  exchangeCode(p: { code: string; redirectUri: string; codeVerifier: string }): Promise<GrantedAccount[]>;
  /** Subscribes the app to the account's webhooks. */
  subscribe(account: AccountRef): Promise<void>;
  /** Unsubscribes and revokes; an already-revoked token or a vanished account is not an error. */
  disconnect(account: AccountRef): Promise<void>;
  /** Cheap authenticated call: resolves when the token works, throws ConnectorError otherwise. */
  checkHealth(account: AccountRef): Promise<void>;
  /** Present where tokens expire (X): returns fresh credentials. */
  refreshCredentials?(account: AccountRef): Promise<AccountCredentials>;
  send(account: AccountRef, request: OutboundRequest): Promise<SendResult>;
  /** WhatsApp only. */
  listTemplates?(account: AccountRef): Promise<MessageTemplate[]>;
  /**
   * The customer's public profile where the platform offers one and the webhook lacks it
   * (Messenger User Profile API, Instagram user fields).
   */
  fetchCustomerProfile?(
    account: AccountRef,
    customerId: string,
  ): Promise<{ name?: string; username?: string }>;
}

// ---- inbound: what the webhook parsers produce -------------------------------------------------

export type Attachment = {
  type: string;
  url?: string;
  mimeType?: string;
  mediaId?: string;
  caption?: string;
};

export type CustomerIdentity = {
  /** PSID, IGSID, WhatsApp wa_id (or BSUID when the phone is hidden), X user id. */
  id: string;
  name?: string;
  username?: string;
  phone?: string;
};

type EventBase = {
  /** Unique per platform account: the dedup key (mid, wamid, comment id, X event id, …). */
  eventId: string;
  /** The account the event is for: routes it to a tenant's channel. */
  accountId: string;
  /** When the platform says it happened, epoch ms. */
  timestamp: number;
};

export type InboundEvent =
  | (EventBase & {
      kind: 'message';
      customer: CustomerIdentity;
      text: string;
      attachments: Attachment[];
      /** Platform id of the message this one replies to, if any. */
      replyToId?: string;
    })
  | (EventBase & {
      kind: 'comment';
      /** Absent when the platform withholds the author (Facebook privacy). */
      customer?: CustomerIdentity;
      commentId: string;
      text: string;
      /** The post (or X post) the comment belongs to: the thread key. */
      postId: string;
      parentId?: string;
      permalink?: string;
      mediaType?: string;
    })
  /** Delivery or read receipts for messages we sent. */
  | (EventBase & {
      kind: 'status';
      status: 'sent' | 'delivered' | 'read' | 'failed';
      customerId: string;
      /** Exact message ids when the platform names them (WhatsApp, Messenger delivery mids). */
      platformMessageIds: string[];
      /** Everything we sent to this customer up to this time (ms) is covered (Messenger watermark). */
      watermark?: number;
      error?: { code: string; message: string };
    })
  /** A copy of a message the business account sent (by us or by another tool): never a customer message. */
  | (EventBase & {
      kind: 'echo';
      customerId: string;
      platformMessageId: string;
      text: string;
      metadata?: string;
      appId?: string;
    });

export type ParsedDelivery = {
  events: InboundEvent[];
  /** Elements understood but not relevant (reactions, follows, edits, own comments). */
  ignored: number;
};
