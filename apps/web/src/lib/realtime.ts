// One WebSocket per signed-in session (`/ws`, protocol in packages/contracts/src/realtime.ts): it
// authenticates with the in-memory access token, re-authenticates when the token is refreshed,
// reconnects with backoff, and turns the server's events into TanStack Query invalidations so
// pages update live. Events carry ids only: the pages refetch what changed.

import type { RealtimeEvent, RealtimeServerMessage } from '@replyforce/contracts';
import { REALTIME_CLOSE } from '@replyforce/contracts/realtime.ts';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { refreshSession } from './api.ts';
import { channelKeys, conversationKeys, leadKeys, type TenantKey } from './query-keys.ts';
import { getSessionState, subscribeSession } from './session-store.ts';

/** `idle`: not wanted (signed out); `connecting`: opening or authenticating; `offline`: waiting to retry. */
export type RealtimeStatus = 'idle' | 'connecting' | 'live' | 'offline';

export interface RealtimeListener {
  onEvent?: (event: RealtimeEvent) => void;
  /** After a reconnect: events may have been missed, so everything shown should be refetched. */
  onResync?: () => void;
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** The server said too many dashboards are open: wait at least this long. */
const TOO_MANY_WAIT_MS = 30_000;
/** Keeps proxies and load balancers from closing an idle connection. */
const PING_EVERY_MS = 25_000;
/** Closing right after the last user lets go would churn under StrictMode's double mount. */
const RELEASE_DELAY_MS = 1_000;

let socket: WebSocket | null = null;
let status: RealtimeStatus = 'idle';
let users = 0;
let attempt = 0;
let everReady = false;
/** `ready` also answers each re-auth (token refresh); only the first one on a socket follows a gap. */
let readyOnSocket = false;
let sentToken: string | null = null;
let socketTenantId: string | null = null;
/** After 4403 the server does not want this token back; wait for a different session. */
let refusedToken: string | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;
let unsubscribeSession: (() => void) | null = null;

const listeners = new Set<RealtimeListener>();
const statusListeners = new Set<() => void>();

function setStatus(next: RealtimeStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

/** Exponential backoff with jitter, so a restarted server is not hit by every dashboard at once. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures, 10));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function socketUrl(): string {
  const url = new URL('/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function currentSession() {
  const state = getSessionState();
  return state.status === 'authenticated' ? state.session : null;
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function authenticate(ws: WebSocket): void {
  const session = currentSession();
  if (!session) return;
  sentToken = session.accessToken;
  send(ws, { type: 'auth', token: session.accessToken });
}

function stopTimers(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  clearInterval(pingTimer);
  pingTimer = undefined;
}

function disconnect(): void {
  stopTimers();
  const ws = socket;
  socket = null;
  sentToken = null;
  socketTenantId = null;
  if (ws && ws.readyState !== WebSocket.CLOSED && ws.readyState !== WebSocket.CLOSING) {
    ws.close(1000, 'done');
  }
  setStatus(users > 0 && currentSession() ? 'offline' : 'idle');
}

function scheduleReconnect(minimumMs = 0): void {
  clearTimeout(retryTimer);
  const delay = Math.max(minimumMs, backoffDelay(attempt));
  attempt += 1;
  setStatus('offline');
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    sync();
  }, delay);
}

function handleMessage(raw: unknown): void {
  if (typeof raw !== 'string') return;
  let message: RealtimeServerMessage;
  try {
    message = JSON.parse(raw) as RealtimeServerMessage;
  } catch {
    return;
  }
  if (message.type === 'ready') {
    attempt = 0;
    setStatus('live');
    const afterGap = everReady && !readyOnSocket;
    everReady = true;
    readyOnSocket = true;
    if (afterGap) for (const listener of listeners) listener.onResync?.();
  } else if (message.type === 'event') {
    for (const listener of listeners) listener.onEvent?.(message.event);
  } else if (message.type === 'error' && message.code === 'UNAUTHENTICATED') {
    // The server closes with 4401 right after; the close handler refreshes and reconnects.
    sentToken = null;
  }
}

function handleClose(event: CloseEvent): void {
  stopTimers();
  socket = null;
  sentToken = null;
  socketTenantId = null;
  const session = currentSession();
  if (users === 0 || !session) {
    setStatus('idle');
    return;
  }
  switch (event.code) {
    case REALTIME_CLOSE.FORBIDDEN:
      refusedToken = session.accessToken;
      setStatus('offline');
      return;
    case REALTIME_CLOSE.UNAUTHENTICATED:
      // The token expired or was revoked: get a new one (a rejected refresh ends the session, which
      // disconnects through the session subscription), then come back.
      refreshSession().catch(() => undefined);
      scheduleReconnect();
      return;
    case REALTIME_CLOSE.TOO_MANY_CONNECTIONS:
      scheduleReconnect(TOO_MANY_WAIT_MS);
      return;
    default:
      scheduleReconnect();
  }
}

function connect(tenantId: string): void {
  setStatus('connecting');
  let ws: WebSocket;
  try {
    ws = new WebSocket(socketUrl());
  } catch {
    scheduleReconnect();
    return;
  }
  socket = ws;
  socketTenantId = tenantId;
  readyOnSocket = false;
  ws.addEventListener('open', () => {
    if (socket !== ws) return;
    authenticate(ws);
    pingTimer = setInterval(() => send(ws, { type: 'ping' }), PING_EVERY_MS);
  });
  ws.addEventListener('message', (event) => {
    if (socket === ws) handleMessage(event.data);
  });
  ws.addEventListener('close', (event) => {
    if (socket === ws) handleClose(event);
  });
}

/** Brings the connection in line with the session: open, re-authenticate, switch or close. */
function sync(): void {
  const session = currentSession();
  if (users === 0 || !session) {
    refusedToken = null;
    everReady = false;
    attempt = 0;
    disconnect();
    return;
  }
  // A workspace switch gives a token for another tenant: start a fresh connection for it.
  if (socket && socketTenantId !== session.tenant.id) disconnect();
  if (session.accessToken === refusedToken) return;
  if (!socket) {
    if (!retryTimer) connect(session.tenant.id);
    return;
  }
  if (socket.readyState === WebSocket.OPEN && sentToken !== session.accessToken) authenticate(socket);
}

function retryNow(): void {
  if (retryTimer && users > 0) {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    sync();
  }
}

/**
 * Keeps the shared connection open until the returned function is called (every caller must call
 * it once). The connection then follows the session by itself: it opens when signed in, sends the
 * new token after each refresh, starts over on a workspace switch and closes on sign-out.
 */
export function retainRealtime(): () => void {
  clearTimeout(releaseTimer);
  users += 1;
  if (!unsubscribeSession) {
    unsubscribeSession = subscribeSession(sync);
    window.addEventListener('online', retryNow);
  }
  sync();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users > 0) return;
    releaseTimer = setTimeout(() => {
      if (users > 0) return;
      unsubscribeSession?.();
      unsubscribeSession = null;
      window.removeEventListener('online', retryNow);
      sync();
    }, RELEASE_DELAY_MS);
  };
}

export function subscribeRealtime(listener: RealtimeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getRealtimeStatus(): RealtimeStatus {
  return status;
}

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore((listener) => {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  }, getRealtimeStatus);
}

function idOf(data: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = data[name];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/** Which cached queries an event makes stale. Unknown shapes fall back to the whole family. */
export function keysForEvent(tenant: TenantKey, event: RealtimeEvent): QueryKey[] {
  const data = event.data ?? {};
  switch (event.type) {
    case 'message.created': {
      const id = idOf(data, 'conversationId');
      return id
        ? [conversationKeys.lists(tenant), conversationKeys.detail(tenant, id)]
        : [conversationKeys.all(tenant)];
    }
    case 'message.status': {
      const id = idOf(data, 'conversationId');
      return [id ? conversationKeys.detail(tenant, id) : conversationKeys.details(tenant)];
    }
    case 'conversation.updated': {
      const id = idOf(data, 'conversationId', 'id');
      return id
        ? [conversationKeys.lists(tenant), conversationKeys.detail(tenant, id)]
        : [conversationKeys.all(tenant)];
    }
    case 'lead.updated': {
      const id = idOf(data, 'conversationId');
      return [
        leadKeys.all(tenant),
        conversationKeys.lists(tenant),
        id ? conversationKeys.detail(tenant, id) : conversationKeys.details(tenant),
      ];
    }
    case 'channel.status':
      return [channelKeys.all(tenant)];
    default:
      return [];
  }
}

/** Events come in bursts (a message, its status, the conversation): refetch once per burst. */
const BATCH_MS = 100;

/**
 * Keeps the shared connection open while mounted (the app frame mounts it once) and invalidates
 * the queries each event touches, so the inbox, a conversation and the channels update live.
 */
export function useRealtimeSync(tenant: TenantKey): void {
  const queryClient = useQueryClient();
  const [, tenantId] = tenant;

  useEffect(() => retainRealtime(), []);

  useEffect(() => {
    const key: TenantKey = ['tenant', tenantId];
    const pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const keys = [...pending.values()];
      pending.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };
    const queue = (keys: QueryKey[]) => {
      for (const queryKey of keys) pending.set(JSON.stringify(queryKey), queryKey);
      timer ??= setTimeout(flush, BATCH_MS);
    };
    const unsubscribe = subscribeRealtime({
      onEvent: (event) => queue(keysForEvent(key, event)),
      onResync: () => queue([conversationKeys.all(key), channelKeys.all(key), leadKeys.all(key)]),
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [queryClient, tenantId]);
}
