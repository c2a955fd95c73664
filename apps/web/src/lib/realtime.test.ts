import type { RealtimeEvent, SessionDto } from '@replyforce/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./api.ts', () => ({ refreshSession: vi.fn(() => Promise.resolve()) }));

type Listener = (event: { data?: unknown; code?: number }) => void;

/** Stands in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  sent: unknown[] = [];
  closedByClient = false;
  private listeners = new Map<string, Listener[]>();

  readonly url: string;

  constructor(url: string) {
    this.url = url;
    FakeSocket.all.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByClient = true;
    this.readyState = FakeSocket.CLOSED;
  }

  private emit(type: string, event: { data?: unknown; code?: number }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  serverOpens(): void {
    this.readyState = FakeSocket.OPEN;
    this.emit('open', {});
  }

  serverSends(message: unknown): void {
    this.emit('message', { data: JSON.stringify(message) });
  }

  serverCloses(code: number): void {
    this.readyState = FakeSocket.CLOSED;
    this.emit('close', { code });
  }
}

function session(token: string, tenantId = 't1'): SessionDto {
  return {
    accessToken: token,
    expiresIn: 900,
    user: { id: 'u1', email: 'ada@example.com', name: 'Ada' },
    tenant: { id: tenantId, name: 'Acme', slug: 'acme', plan: 'free' },
    role: 'admin',
    permissions: [],
    memberships: [],
  };
}

async function load() {
  vi.resetModules();
  const store = await import('./session-store.ts');
  const realtime = await import('./realtime.ts');
  return { ...store, ...realtime };
}

const latest = () => FakeSocket.all.at(-1) as FakeSocket;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('window', {
    location: { href: 'https://inbox.example.com/inbox' },
    addEventListener: () => {},
    removeEventListener: () => {},
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the realtime connection', () => {
  it('authenticates with the access token, goes live, and sends the refreshed token on the same socket', async () => {
    const rt = await load();
    rt.setSessionState({ status: 'authenticated', session: session('token-1') });
    const release = rt.retainRealtime();

    expect(FakeSocket.all).toHaveLength(1);
    expect(latest().url).toBe('wss://inbox.example.com/ws');
    expect(rt.getRealtimeStatus()).toBe('connecting');
    latest().serverOpens();
    expect(latest().sent).toEqual([{ type: 'auth', token: 'token-1' }]);
    latest().serverSends({ type: 'ready', tenantId: 't1', userId: 'u1' });
    expect(rt.getRealtimeStatus()).toBe('live');

    rt.setSessionState({ status: 'authenticated', session: session('token-2') });
    expect(FakeSocket.all).toHaveLength(1);
    expect(latest().sent).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'auth', token: 'token-2' },
    ]);
    release();
  });

  it('hands events to listeners', async () => {
    const rt = await load();
    rt.setSessionState({ status: 'authenticated', session: session('token-1') });
    const release = rt.retainRealtime();
    const events: RealtimeEvent[] = [];
    rt.subscribeRealtime({ onEvent: (event) => events.push(event) });
    latest().serverOpens();
    latest().serverSends({ type: 'ready', tenantId: 't1', userId: 'u1' });
    const event = { type: 'message.created', data: { conversationId: 'c1' }, at: '2026-01-01T00:00:00Z' };
    latest().serverSends({ type: 'event', event });
    expect(events).toEqual([event]);
    release();
  });

  it('reconnects after a drop and asks for a resync once the new socket is ready, not on re-auth', async () => {
    const rt = await load();
    rt.setSessionState({ status: 'authenticated', session: session('token-1') });
    const release = rt.retainRealtime();
    const onResync = vi.fn();
    rt.subscribeRealtime({ onResync });
    latest().serverOpens();
    latest().serverSends({ type: 'ready', tenantId: 't1', userId: 'u1' });

    latest().serverCloses(1006);
    expect(rt.getRealtimeStatus()).toBe('offline');
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeSocket.all).toHaveLength(2);
    latest().serverOpens();
    latest().serverSends({ type: 'ready', tenantId: 't1', userId: 'u1' });
    expect(onResync).toHaveBeenCalledTimes(1);
    expect(rt.getRealtimeStatus()).toBe('live');

    // A token refresh answers `ready` again on the same socket: nothing was missed.
    rt.setSessionState({ status: 'authenticated', session: session('token-2') });
    latest().serverSends({ type: 'ready', tenantId: 't1', userId: 'u1' });
    expect(onResync).toHaveBeenCalledTimes(1);
    release();
  });

  it('stops after 4403 until the session changes', async () => {
    const rt = await load();
    rt.setSessionState({ status: 'authenticated', session: session('token-1') });
    const release = rt.retainRealtime();
    latest().serverOpens();
    latest().serverCloses(4403);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);

    rt.setSessionState({ status: 'authenticated', session: session('token-2') });
    expect(FakeSocket.all).toHaveLength(2);
    release();
  });

  it('starts a new connection for another workspace and closes on sign-out', async () => {
    const rt = await load();
    rt.setSessionState({ status: 'authenticated', session: session('token-1', 't1') });
    const release = rt.retainRealtime();
    const first = latest();
    first.serverOpens();
    rt.setSessionState({ status: 'authenticated', session: session('token-9', 't2') });
    expect(first.closedByClient).toBe(true);
    expect(FakeSocket.all).toHaveLength(2);

    rt.setSessionState({ status: 'anonymous', reason: 'signed-out' });
    expect(latest().closedByClient).toBe(true);
    expect(rt.getRealtimeStatus()).toBe('idle');
    release();
  });
});

describe('keysForEvent', () => {
  const tenant = ['tenant', 't1'] as const;
  const at = '2026-01-01T00:00:00Z';

  it('refreshes the lists and the conversation a message belongs to', async () => {
    const { keysForEvent } = await load();
    expect(keysForEvent(tenant, { type: 'message.created', data: { conversationId: 'c1' }, at })).toEqual([
      ['tenant', 't1', 'conversations', 'list'],
      ['tenant', 't1', 'conversations', 'detail', 'c1'],
    ]);
    expect(keysForEvent(tenant, { type: 'message.status', data: { conversationId: 'c1' }, at })).toEqual([
      ['tenant', 't1', 'conversations', 'detail', 'c1'],
    ]);
  });

  it('reads a conversation event by its id and falls back to the whole family without one', async () => {
    const { keysForEvent } = await load();
    expect(keysForEvent(tenant, { type: 'conversation.updated', data: { id: 'c2' }, at })).toEqual([
      ['tenant', 't1', 'conversations', 'list'],
      ['tenant', 't1', 'conversations', 'detail', 'c2'],
    ]);
    expect(keysForEvent(tenant, { type: 'conversation.updated', data: {}, at })).toEqual([
      ['tenant', 't1', 'conversations'],
    ]);
    expect(keysForEvent(tenant, { type: 'channel.status', data: { id: 'ch1' }, at })).toEqual([
      ['tenant', 't1', 'channels'],
    ]);
  });
});

describe('backoffDelay', () => {
  it('grows from about a second to at most thirty', async () => {
    const { backoffDelay } = await load();
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(20, () => 0)).toBe(15_000);
  });
});
