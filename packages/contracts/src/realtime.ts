// Plain types, no zod: the dashboard bundle imports this file and needs none of the runtime.

export const REALTIME_EVENT_TYPES = [
  'message.created',
  'message.status',
  'message.processed',
  'conversation.updated',
  'conversation.escalated',
  'lead.updated',
  'channel.status',
  'ai.budget_alert',
] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

/** Something changed for a tenant; the dashboard refetches or patches what `data` points at. */
export type RealtimeEvent = {
  type: RealtimeEventType;
  /** Ids and small display fields only: the database stays the source of truth. */
  data: Record<string, unknown>;
  /** ISO 8601, when the change happened. */
  at: string;
};

/**
 * Client → server over `GET /ws`. The first message must be `auth` (browsers cannot set headers on
 * a WebSocket, and a token in the URL ends up in logs); send `auth` again with each refreshed token.
 */
export type RealtimeClientMessage = { type: 'auth'; token: string } | { type: 'ping'; id?: string };

export type RealtimeErrorCode = 'BAD_MESSAGE' | 'UNAUTHENTICATED';

/** Server → client. */
export type RealtimeServerMessage =
  | { type: 'ready'; tenantId: string; userId: string }
  | { type: 'event'; event: RealtimeEvent }
  | { type: 'error'; code: RealtimeErrorCode; message: string }
  | { type: 'pong'; id?: string };

/** Close codes the server uses besides the standard ones (1001 going away, 1009 message too big). */
export const REALTIME_CLOSE = {
  /** No valid `auth` in time, a bad token, or an expired one not refreshed: sign in again. */
  UNAUTHENTICATED: 4401,
  /** The user lost access to the tenant (removed, or the session was revoked): do not reconnect. */
  FORBIDDEN: 4403,
  /** The tenant has too many dashboards open: retry later. */
  TOO_MANY_CONNECTIONS: 4429,
  /** The client does not read its messages fast enough: reconnect and refetch. */
  SLOW_CONSUMER: 4408,
} as const;
