import { setTimeout as sleep } from 'node:timers/promises';
import type { RealtimeEvent, RealtimeServerMessage } from '@replyforce/contracts';
import { createMemoryEventBus, createRedisEventBus, type EventBus } from '@replyforce/queue';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type RealtimeIdentity, type RealtimeOptions, realtimePlugin } from '../src/plugins/realtime.ts';
import { redisAvailable, TEST_REDIS_URL } from './helpers/redis.ts';

const hasRedis = await redisAvailable();

const TENANT_A = crypto.randomUUID();
const TENANT_B = crypto.randomUUID();

/** Refusals carry a code, as AppError does; anything else means "could not check". */
class Refused extends Error {
  code = 'UNAUTHENTICATED';
}

/**
 * The injected `authenticate`: tokens map to identities, and a token of a user who is no longer a
 * member is refused, as core's authenticate does.
 */
function fakeAuth() {
  const tokens = new Map<string, RealtimeIdentity>();
  const members = new Set<string>();
  const issue = (tenantId: string, expiresAt?: number) => {
    const userId = crypto.randomUUID();
    const token = `tok-${crypto.randomUUID()}`;
    tokens.set(token, { tenantId, userId, ...(expiresAt ? { expiresAt } : {}) });
    members.add(userId);
    return { token, userId };
  };
  const authenticate = async (bearer: string): Promise<RealtimeIdentity> => {
    const id = tokens.get(bearer);
    if (!id || !members.has(id.userId)) throw new Refused('bad token');
    if (id.expiresAt !== undefined && id.expiresAt <= Date.now()) throw new Refused('expired');
    return id;
  };
  return { issue, authenticate, members };
}

type Client = {
  ws: WebSocket;
  messages: RealtimeServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(m: unknown): void;
  auth(token: string): Promise<void>;
};

const apps: FastifyInstance[] = [];
const buses: EventBus[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

async function serve(
  bus: EventBus,
  authenticate: RealtimeOptions['authenticate'],
  opts: Partial<RealtimeOptions> = {},
): Promise<string> {
  const app = Fastify({ logger: false });
  await app.register(realtimePlugin, { bus, authenticate, authTimeoutMs: 300, ...opts });
  await app.listen({ port: 0, host: '127.0.0.1' });
  apps.push(app);
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `ws://127.0.0.1:${address.port}/ws`;
}

async function connect(url: string, opts: WebSocket.ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(url, opts);
  sockets.push(ws);
  const messages: RealtimeServerMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const send = (m: unknown) => ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  return {
    ws,
    messages,
    closed,
    send,
    async auth(token) {
      const before = messages.filter((m) => m.type === 'ready').length;
      send({ type: 'auth', token });
      await vi.waitFor(() => expect(messages.filter((m) => m.type === 'ready')).toHaveLength(before + 1), {
        timeout: 5_000,
        interval: 10,
      });
    },
  };
}

const event = (type: RealtimeEvent['type'], data: Record<string, unknown>): RealtimeEvent => ({
  type,
  data,
  at: new Date().toISOString(),
});
const eventsOf = (c: Client) => c.messages.flatMap((m) => (m.type === 'event' ? [m.event] : []));
const within = { timeout: 5_000, interval: 10 };

describe('realtime WebSocket', () => {
  it('closes a socket that does not authenticate in time with 4401', async () => {
    const url = await serve(createMemoryEventBus(), fakeAuth().authenticate);
    const c = await connect(url);
    const openedAt = Date.now();
    const { code, reason } = await c.closed;
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(250);
    expect(code).toBe(4401);
    expect(reason).toMatch(/Authenticate/);
  });

  it('closes a socket that sends a bad token with 4401 and a clear reason', async () => {
    const url = await serve(createMemoryEventBus(), fakeAuth().authenticate, { authTimeoutMs: 5_000 });
    const c = await connect(url);
    c.send({ type: 'auth', token: 'forged' });
    expect(await c.closed).toEqual({ code: 4401, reason: 'Invalid or expired token' });
  });

  it("sends each socket its own tenant's events and never another tenant's", async () => {
    const bus = createMemoryEventBus();
    const auth = fakeAuth();
    const url = await serve(bus, auth.authenticate);
    const a = await connect(url);
    const a2 = await connect(url);
    const b = await connect(url);
    const tokenA = auth.issue(TENANT_A);
    await a.auth(tokenA.token);
    await a2.auth(auth.issue(TENANT_A).token);
    await b.auth(auth.issue(TENANT_B).token);
    expect(a.messages[0]).toEqual({ type: 'ready', tenantId: TENANT_A, userId: tokenA.userId });

    const forA = event('message.created', { conversationId: 'c-a', messageId: 'm-a' });
    const forB = event('lead.updated', { leadId: 'l-b', score: 'HOT' });
    await bus.publish(TENANT_B, forB);
    await bus.publish(TENANT_A, forA);

    await vi.waitFor(() => expect(eventsOf(a)).toEqual([forA]), within);
    await vi.waitFor(() => expect(eventsOf(a2)).toEqual([forA]), within);
    await vi.waitFor(() => expect(eventsOf(b)).toEqual([forB]), within);
    await sleep(100);
    expect(eventsOf(a)).toEqual([forA]);
    expect(eventsOf(b)).toEqual([forB]);
  });

  it('answers malformed messages with an error and keeps the socket open', async () => {
    const auth = fakeAuth();
    const url = await serve(createMemoryEventBus(), auth.authenticate, { authTimeoutMs: 5_000 });
    const c = await connect(url);
    c.send({ type: 'ping' });
    await vi.waitFor(() => expect(c.messages).toHaveLength(1), within);
    expect(c.messages[0]).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });

    await c.auth(auth.issue(TENANT_A).token);
    c.send('{not json');
    c.send({ type: 'subscribe', to: 'everything' });
    c.send({ type: 'auth' });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await vi.waitFor(() => expect(c.messages.filter((m) => m.type === 'error')).toHaveLength(5), within);
    expect(c.messages.at(-1)).toMatchObject({ type: 'error', code: 'BAD_MESSAGE' });

    c.send({ type: 'ping', id: 'p-1' });
    await vi.waitFor(() => expect(c.messages.at(-1)).toEqual({ type: 'pong', id: 'p-1' }), within);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it.skipIf(!hasRedis)('delivers an event published by another API process through Redis', async () => {
    const channel = `rf-test-${crypto.randomUUID().slice(0, 8)}:realtime`;
    const busOfProcess1 = createRedisEventBus(TEST_REDIS_URL, { channel });
    const busOfProcess2 = createRedisEventBus(TEST_REDIS_URL, { channel });
    buses.push(busOfProcess1, busOfProcess2);
    const auth = fakeAuth();
    const url = await serve(busOfProcess2, auth.authenticate);
    const a = await connect(url);
    const b = await connect(url);
    await a.auth(auth.issue(TENANT_A).token);
    await b.auth(auth.issue(TENANT_B).token);
    await busOfProcess2.ready();

    const status = event('message.status', { messageId: 'm-1', status: 'delivered' });
    await busOfProcess1.publish(TENANT_A, status);
    await vi.waitFor(() => expect(eventsOf(a)).toEqual([status]), within);
    await sleep(100);
    expect(eventsOf(b)).toEqual([]);
  });

  it('closes the socket of a user removed from the tenant with 4403 on the next re-check', async () => {
    const bus = createMemoryEventBus();
    const auth = fakeAuth();
    const url = await serve(bus, auth.authenticate, { recheckIntervalMs: 150 });
    const kept = await connect(url);
    const removed = await connect(url);
    await kept.auth(auth.issue(TENANT_A).token);
    const gone = auth.issue(TENANT_A);
    await removed.auth(gone.token);

    auth.members.delete(gone.userId);
    expect(await removed.closed).toEqual({
      code: 4403,
      reason: 'You no longer have access to this workspace',
    });
    // The removed user hears nothing more; the colleague still does.
    const later = event('conversation.updated', { conversationId: 'c-1' });
    await bus.publish(TENANT_A, later);
    await vi.waitFor(() => expect(eventsOf(kept)).toEqual([later]), within);
    expect(kept.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 4401 when the token expires, unless the client sent a fresh one', async () => {
    const auth = fakeAuth();
    const url = await serve(createMemoryEventBus(), auth.authenticate, { authTimeoutMs: 5_000 });
    const stale = await connect(url);
    const refreshed = await connect(url);
    // 1.5 s of validity: enough for both handshakes to finish first even on a loaded machine.
    await stale.auth(auth.issue(TENANT_A, Date.now() + 1_500).token);
    await refreshed.auth(auth.issue(TENANT_A, Date.now() + 1_500).token);
    await refreshed.auth(auth.issue(TENANT_A, Date.now() + 60_000).token);

    expect(await stale.closed).toEqual({ code: 4401, reason: 'Token expired: send a fresh auth message' });
    await sleep(200);
    expect(refreshed.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('keeps a socket when the re-check cannot reach the database', async () => {
    const auth = fakeAuth();
    let databaseDown = false;
    const authenticate = async (bearer: string) => {
      if (databaseDown) throw new Error('connect ECONNREFUSED');
      return auth.authenticate(bearer);
    };
    const url = await serve(createMemoryEventBus(), authenticate, { recheckIntervalMs: 100 });
    const c = await connect(url);
    await c.auth(auth.issue(TENANT_A).token);
    databaseDown = true;
    await sleep(350);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses connections past the per-tenant cap with 4429', async () => {
    const auth = fakeAuth();
    const url = await serve(createMemoryEventBus(), auth.authenticate, { maxConnectionsPerTenant: 2 });
    for (let i = 0; i < 2; i++) await (await connect(url)).auth(auth.issue(TENANT_A).token);
    const third = await connect(url);
    third.send({ type: 'auth', token: auth.issue(TENANT_A).token });
    expect((await third.closed).code).toBe(4429);
    // Other tenants are not affected.
    await (await connect(url)).auth(auth.issue(TENANT_B).token);
  });

  it('closes a socket that sends an oversized message with 1009', async () => {
    const url = await serve(createMemoryEventBus(), fakeAuth().authenticate, { maxMessageBytes: 1024 });
    const c = await connect(url);
    c.send({ type: 'auth', token: 'x'.repeat(4096) });
    expect((await c.closed).code).toBe(1009);
  });

  it('drops a connection that stops answering pings', async () => {
    const auth = fakeAuth();
    const url = await serve(createMemoryEventBus(), auth.authenticate, { heartbeatIntervalMs: 100 });
    const dead = await connect(url, { autoPong: false });
    const alive = await connect(url);
    await dead.auth(auth.issue(TENANT_A).token);
    await alive.auth(auth.issue(TENANT_A).token);
    expect((await dead.closed).code).toBe(1006);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
  });
});
