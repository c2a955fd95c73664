import websocket from '@fastify/websocket';
import {
  type ErrorCode,
  REALTIME_CLOSE,
  type RealtimeClientMessage,
  type RealtimeServerMessage,
} from '@replyforce/contracts';
import type { EventBus } from '@replyforce/queue';
import type { FastifyPluginAsync } from 'fastify';
import type { RawData, WebSocket } from 'ws';

export type RealtimeIdentity = {
  tenantId: string;
  userId: string;
  /** When the token expires (ms since epoch). Read from a JWT's `exp` when not given. */
  expiresAt?: number;
};

export type RealtimeOptions = {
  bus: EventBus;
  /**
   * Verifies a bearer token and the membership behind it. Reject with an error whose `code` is
   * UNAUTHENTICATED or FORBIDDEN (AppError does) to refuse; any other error means "could not check"
   * (the database is down) and never signs anyone out.
   */
  authenticate: (bearer: string) => Promise<RealtimeIdentity>;
  authTimeoutMs?: number;
  /** How often a connected user's membership is checked again (a removed member is cut off). */
  recheckIntervalMs?: number;
  heartbeatIntervalMs?: number;
  maxConnectionsPerTenant?: number;
  maxMessageBytes?: number;
  /** Client messages allowed per minute and socket; auth messages cost a database read each. */
  maxMessagesPerMinute?: number;
  /** Unsent bytes a socket may pile up before it is dropped as a slow consumer. */
  maxBufferedBytes?: number;
};

type Client = {
  socket: WebSocket;
  identity: (RealtimeIdentity & { token: string }) | undefined;
  alive: boolean;
  /** Bumped by each auth message, so a slower, older check never overrides a newer one. */
  authSeq: number;
  messages: { windowStart: number; count: number };
  timers: NodeJS.Timeout[];
};

const REFUSED: ReadonlySet<ErrorCode> = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const refusal = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && REFUSED.has(code as ErrorCode) ? code : undefined;
};

/** The `exp` of a JWT, unverified: it only schedules a check; `authenticate` does the verifying. */
function jwtExpiry(token: string): number | undefined {
  try {
    const exp: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function parse(data: RawData, isBinary: boolean): RealtimeClientMessage | undefined {
  if (isBinary) return undefined;
  try {
    const m = JSON.parse(data.toString()) as Record<string, unknown> | null;
    if (m?.type === 'auth' && typeof m.token === 'string' && m.token.length > 0)
      return { type: 'auth', token: m.token };
    if (m?.type === 'ping') return typeof m.id === 'string' ? { type: 'ping', id: m.id } : { type: 'ping' };
  } catch {}
  return undefined;
}

function reply(m: RealtimeClientMessage | undefined, authenticated: boolean): RealtimeServerMessage {
  if (!m)
    return {
      type: 'error',
      code: 'BAD_MESSAGE',
      message: 'Send JSON text: {"type":"auth","token":"…"} or {"type":"ping"}',
    };
  if (!authenticated) return { type: 'error', code: 'UNAUTHENTICATED', message: 'Authenticate first' };
  return m.type === 'ping' && m.id !== undefined ? { type: 'pong', id: m.id } : { type: 'pong' };
}

/**
 * `GET /ws`: pushes each tenant's realtime events to that tenant's dashboards. The browser cannot
 * set headers on a WebSocket and tokens in URLs end up in logs, so the first message authenticates.
 */
export const realtimePlugin: FastifyPluginAsync<RealtimeOptions> = async (app, opts) => {
  const authTimeoutMs = opts.authTimeoutMs ?? 5_000;
  const recheckIntervalMs = opts.recheckIntervalMs ?? 60_000;
  const maxPerTenant = opts.maxConnectionsPerTenant ?? 200;
  const maxPerMinute = opts.maxMessagesPerMinute ?? 120;
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;
  const tenants = new Map<string, Set<Client>>();
  const clients = new Set<Client>();

  await app.register(websocket, { options: { maxPayload: opts.maxMessageBytes ?? 8 * 1024 } });

  function forget(c: Client): void {
    for (const t of c.timers) clearTimeout(t);
    c.timers = [];
    clients.delete(c);
    const peers = c.identity && tenants.get(c.identity.tenantId);
    peers?.delete(c);
    if (peers?.size === 0 && c.identity) tenants.delete(c.identity.tenantId);
  }

  /** Reasons stay under the protocol's 123 bytes. */
  function close(c: Client, code: number, reason: string): void {
    forget(c);
    c.socket.close(code, reason);
  }

  function sendRaw(c: Client, raw: string): void {
    if (c.socket.readyState !== c.socket.OPEN) return;
    if (c.socket.bufferedAmount > maxBuffered) close(c, REALTIME_CLOSE.SLOW_CONSUMER, 'Too slow');
    else c.socket.send(raw);
  }
  const send = (c: Client, m: RealtimeServerMessage) => sendRaw(c, JSON.stringify(m));

  const off = opts.bus.subscribe((tenantId, event) => {
    const peers = tenants.get(tenantId);
    if (!peers) return;
    const raw = JSON.stringify({ type: 'event', event } satisfies RealtimeServerMessage);
    for (const c of peers) sendRaw(c, raw);
  });

  // A dashboard whose network vanished never sends a close frame; unanswered pings find it.
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        forget(c);
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, opts.heartbeatIntervalMs ?? 30_000);
  heartbeat.unref();

  app.addHook('onClose', async () => {
    off();
    clearInterval(heartbeat);
    for (const c of clients) forget(c);
  });

  async function authenticateClient(c: Client, token: string): Promise<void> {
    const seq = ++c.authSeq;
    let identity: RealtimeIdentity;
    try {
      identity = await opts.authenticate(token);
    } catch (err) {
      if (seq !== c.authSeq || !clients.has(c)) return;
      if (refusal(err)) return close(c, REALTIME_CLOSE.UNAUTHENTICATED, 'Invalid or expired token');
      app.log.warn({ err }, 'realtime: could not check a token');
      return close(c, 1013, 'Could not check the token; reconnect shortly');
    }
    if (seq !== c.authSeq || !clients.has(c)) return;
    const { tenantId, userId } = identity;
    if (c.identity?.tenantId !== tenantId) {
      if ((tenants.get(tenantId)?.size ?? 0) >= maxPerTenant)
        return close(c, REALTIME_CLOSE.TOO_MANY_CONNECTIONS, 'Too many connections for this workspace');
      forget(c);
      clients.add(c);
      tenants.set(tenantId, (tenants.get(tenantId) ?? new Set()).add(c));
    }
    for (const t of c.timers) clearTimeout(t);
    const expiresAt = identity.expiresAt ?? jwtExpiry(token);
    c.identity = { tenantId, userId, token, ...(expiresAt === undefined ? {} : { expiresAt }) };
    c.timers = [setInterval(() => void recheck(c), recheckIntervalMs)];
    // setTimeout cannot wait past ~24.8 days; the periodic check covers a later expiry.
    const untilExpiry = expiresAt === undefined ? undefined : Math.max(0, expiresAt - Date.now());
    if (untilExpiry !== undefined && untilExpiry < 2 ** 31 - 1)
      c.timers.push(setTimeout(() => void recheck(c), untilExpiry));
    send(c, { type: 'ready', tenantId, userId });
  }

  async function recheck(c: Client): Promise<void> {
    const id = c.identity;
    if (!id) return;
    const seq = c.authSeq;
    try {
      const now = await opts.authenticate(id.token);
      if (seq === c.authSeq && (now.tenantId !== id.tenantId || now.userId !== id.userId))
        close(c, REALTIME_CLOSE.FORBIDDEN, 'Access changed');
    } catch (err) {
      if (seq !== c.authSeq || !clients.has(c)) return; // a fresh auth overtook this check
      const refused = refusal(err);
      if (!refused) return void app.log.warn({ err }, 'realtime: could not re-check a membership');
      const expired = refused !== 'FORBIDDEN' && id.expiresAt !== undefined && id.expiresAt <= Date.now();
      if (expired) close(c, REALTIME_CLOSE.UNAUTHENTICATED, 'Token expired: send a fresh auth message');
      else close(c, REALTIME_CLOSE.FORBIDDEN, 'You no longer have access to this workspace');
    }
  }

  function onMessage(c: Client, data: RawData, isBinary: boolean): void {
    c.alive = true;
    const now = Date.now();
    if (now - c.messages.windowStart >= 60_000) c.messages = { windowStart: now, count: 0 };
    if (++c.messages.count > maxPerMinute) {
      close(c, 1008, 'Too many messages');
      return;
    }
    const m = parse(data, isBinary);
    if (m?.type === 'auth') void authenticateClient(c, m.token);
    else send(c, reply(m, c.identity !== undefined));
  }

  app.get('/ws', { websocket: true, schema: { hide: true } }, (socket) => {
    const c: Client = {
      socket,
      identity: undefined,
      alive: true,
      authSeq: 0,
      messages: { windowStart: Date.now(), count: 0 },
      timers: [],
    };
    clients.add(c);
    c.timers.push(
      setTimeout(() => {
        if (!c.identity) close(c, REALTIME_CLOSE.UNAUTHENTICATED, 'Authenticate within the time limit');
      }, authTimeoutMs),
    );
    // Listeners are attached synchronously: a message arriving first would otherwise be lost.
    socket.on('message', (data, isBinary) => onMessage(c, data, isBinary));
    socket.on('pong', () => {
      c.alive = true;
    });
    socket.on('close', () => forget(c));
    socket.on('error', () => forget(c));
  });
};
