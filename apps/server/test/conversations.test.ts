import type { ConversationDto, MessageDto, RealtimeEvent } from '@replyforce/contracts';
import {
  type Database,
  insertChannel,
  insertMessage,
  updateConversation,
  upsertContact,
  upsertConversation,
  withTenant,
} from '@replyforce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, registerWorkspace, type Signed } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type Status = ConversationDto['status'];
type Tag = 'HOT' | 'WARM' | 'COLD' | null;

async function seedChannel(
  db: Database,
  tenantId: string,
  platform: 'instagram' | 'facebook',
  name: string,
): Promise<string> {
  const id = crypto.randomUUID();
  await withTenant(db, tenantId, (tx) =>
    insertChannel(tx, {
      id,
      tenantId,
      platform,
      accountId: `acct-${id.slice(0, 8)}`,
      name,
      // Never opened here; any sealed-looking string will do.
      credentials: 'v1.test-key.c2VhbGVk.dGFn',
    }),
  );
  return id;
}

type Seed = {
  channelId: string;
  platformUserId: string;
  name?: string | null;
  username?: string | null;
  threadKey?: string;
  post?: Record<string, string>;
  lastMessageAt: Date;
  texts: string[];
  status?: Status;
  leadTag?: Tag;
  assigneeId?: string | null;
  unreadCount?: number;
};

/** A contact, its thread and the thread's messages (one second apart, ending at lastMessageAt). */
async function seedConversation(db: Database, tenantId: string, s: Seed) {
  const ids = await withTenant(db, tenantId, async (tx) => {
    const contact = await upsertContact(tx, {
      id: crypto.randomUUID(),
      tenantId,
      channelId: s.channelId,
      platformUserId: s.platformUserId,
      ...(s.name ? { displayName: s.name } : {}),
      ...(s.username ? { username: s.username } : {}),
    });
    const threadKey = s.threadKey ?? 'dm';
    const conversation = await upsertConversation(tx, {
      id: crypto.randomUUID(),
      tenantId,
      channelId: s.channelId,
      contactId: contact.id,
      threadKey,
      kind: threadKey === 'dm' ? 'dm' : 'comments',
      post: s.post ?? null,
    });
    const messageIds: string[] = [];
    for (const [i, text] of s.texts.entries()) {
      const id = crypto.randomUUID();
      messageIds.push(id);
      await insertMessage(tx, {
        id,
        tenantId,
        conversationId: conversation.id,
        channelId: s.channelId,
        direction: 'inbound',
        sender: 'customer',
        kind: threadKey === 'dm' ? 'text' : 'comment',
        text,
        status: 'received',
        createdAt: new Date(s.lastMessageAt.getTime() - (s.texts.length - 1 - i) * 1000),
      });
    }
    await updateConversation(tx, tenantId, conversation.id, {
      lastMessageAt: s.lastMessageAt,
      lastInboundAt: s.lastMessageAt,
      lastMessagePreview: s.texts.at(-1) ?? null,
      status: s.status ?? 'open',
      leadTag: s.leadTag ?? null,
      assigneeId: s.assigneeId ?? null,
      unreadCount: s.unreadCount ?? 0,
    });
    return { conversationId: conversation.id, contactId: contact.id, messageIds };
  });
  // Contacts' last_seen_at comes from now(); a few milliseconds apart keep their order exact (the
  // list cursor carries milliseconds, PostgreSQL stores microseconds).
  await new Promise((r) => setTimeout(r, 3));
  return ids;
}

const BASE = Date.parse('2026-03-02T12:00:00.000Z');
const minutesBefore = (m: number) => new Date(BASE - m * 60_000);

describe.each(await databaseKinds())('conversations on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  let agent: Signed;
  let viewer: Signed;
  let tenantId: string;
  let ig: string;
  let fb: string;
  const events: { tenantId: string; event: RealtimeEvent }[] = [];
  /** What was seeded, by key: the ground truth the API answers are compared with. */
  const seeded = new Map<
    string,
    {
      id: string;
      contactId: string;
      channelId: string;
      platform: string;
      at: Date;
      status: Status;
      leadTag: Tag;
      assigneeId: string | null;
      messageIds: string[];
    }
  >();
  const byKey = (key: string) => seeded.get(key)!;
  /** Newest activity first, ties by id descending: the order the inbox promises. */
  const inboxOrder = (keep: (s: ReturnType<typeof byKey>) => boolean = () => true) =>
    [...seeded.values()]
      .filter(keep)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);

  const get = (url: string, who: Signed = admin) =>
    t.app.inject({ method: 'GET', url, headers: bearer(who.token) });
  const send = (method: 'PATCH' | 'POST', url: string, payload?: object, who: Signed = admin) =>
    t.app.inject({ method, url, headers: bearer(who.token), ...(payload ? { payload } : {}) });

  /** Every page of a listing, following nextCursor. */
  async function walk<T extends { id: string }>(url: string, limit: number): Promise<T[][]> {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await get(
        `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: T[]; nextCursor: string | null };
      pages.push(body.items);
      cursor = body.nextCursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return pages;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await registerWorkspace(t.app, { tenantName: 'Inbox Co', name: 'Ada Admin' });
    agent = await addMember(t.app, admin, 'agent');
    viewer = await addMember(t.app, admin, 'viewer');
    tenantId = admin.session.tenant.id;
    t.deps.bus.subscribe((tid, event) => events.push({ tenantId: tid, event }));
    ig = await seedChannel(t.deps.db, tenantId, 'instagram', 'Shop Instagram');
    fb = await seedChannel(t.deps.db, tenantId, 'facebook', 'Shop Page');

    const specs: (Omit<Seed, 'channelId' | 'platformUserId'> & { key: string; channel: 'ig' | 'fb' })[] = [
      {
        key: 'alice',
        channel: 'ig',
        name: 'Alice Martin',
        username: 'alice.m',
        lastMessageAt: minutesBefore(1),
        texts: ['Hi! Do you ship to Lyon?', 'And how long does it take?'],
        leadTag: 'HOT',
        unreadCount: 2,
      },
      {
        key: 'bob',
        channel: 'ig',
        name: 'Bob Stone',
        username: 'bobby',
        lastMessageAt: minutesBefore(2),
        texts: ['I want to talk to a person'],
        status: 'needs_human',
        leadTag: 'WARM',
        assigneeId: agent.session.user.id,
      },
      {
        key: 'carla',
        channel: 'fb',
        name: 'Carla Diaz',
        lastMessageAt: minutesBefore(3),
        texts: ['Refund for order 1234 please'],
        status: 'closed',
        leadTag: 'COLD',
      },
      {
        key: 'dan',
        channel: 'fb',
        username: 'dan_the_man',
        lastMessageAt: minutesBefore(3), // the same instant as carla: the id breaks the tie
        texts: ['price of the blue mug?'],
        status: 'pending_approval',
        leadTag: 'HOT',
        assigneeId: admin.session.user.id,
      },
      ...[5, 6, 7, 8, 9, 10].map((n) => ({
        key: `filler${n}`,
        channel: n % 2 ? ('ig' as const) : ('fb' as const),
        name: `Customer ${n}`,
        lastMessageAt: minutesBefore(n < 8 ? 5 : 6), // two groups of three ties
        texts: ['hello'],
      })),
      {
        key: 'long',
        channel: 'ig',
        name: 'Liam Long',
        username: 'liam',
        lastMessageAt: minutesBefore(30),
        texts: Array.from({ length: 60 }, (_, i) => `message ${i + 1}`),
        leadTag: 'WARM',
      },
      {
        key: 'aliceComments',
        channel: 'ig',
        name: 'Alice Martin',
        username: 'alice.m',
        threadKey: 'post:1789',
        post: { postId: '1789', permalink: 'https://www.instagram.com/p/1789' },
        lastMessageAt: minutesBefore(40),
        texts: ['Love this mug!'],
      },
    ];
    for (const s of specs) {
      const channelId = s.channel === 'ig' ? ig : fb;
      const platformUserId = s.key === 'aliceComments' ? 'u-alice' : `u-${s.key}`;
      const ids = await seedConversation(t.deps.db, tenantId, { ...s, channelId, platformUserId });
      seeded.set(s.key, {
        id: ids.conversationId,
        contactId: ids.contactId,
        channelId,
        platform: s.channel === 'ig' ? 'instagram' : 'facebook',
        at: s.lastMessageAt,
        status: s.status ?? 'open',
        leadTag: s.leadTag ?? null,
        assigneeId: s.assigneeId ?? null,
        messageIds: ids.messageIds,
      });
    }
  });
  afterAll(() => t?.close());

  it('pages through the whole inbox, newest first, with no duplicates and no gaps', async () => {
    const pages = await walk<ConversationDto>('/api/v1/conversations', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const ids = pages.flat().map((c) => c.id);
    expect(ids).toEqual(inboxOrder());
    expect(new Set(ids).size).toBe(seeded.size);
    // One page with everything agrees with the paged walk.
    const all = await get('/api/v1/conversations?limit=100');
    expect(all.json().items.map((c: ConversationDto) => c.id)).toEqual(ids);
    expect(all.json().nextCursor).toBeNull();
  });

  it('shows each conversation with its contact, channel and reply window', async () => {
    const res = await get('/api/v1/conversations?limit=1');
    expect(res.json().items[0]).toEqual({
      id: byKey('alice').id,
      channelId: ig,
      channelName: 'Shop Instagram',
      platform: 'instagram',
      kind: 'dm',
      contact: {
        id: byKey('alice').contactId,
        name: 'Alice Martin',
        username: 'alice.m',
        platformUserId: 'u-alice',
      },
      status: 'open',
      assigneeId: null,
      leadTag: 'HOT',
      post: null,
      unreadCount: 2,
      lastMessageAt: minutesBefore(1).toISOString(),
      lastMessagePreview: 'And how long does it take?',
      lastInboundAt: minutesBefore(1).toISOString(),
      windowExpiresAt: new Date(minutesBefore(1).getTime() + 24 * 3_600_000).toISOString(),
      snoozedUntil: null,
      createdAt: expect.any(String),
    });
  });

  it('filters by status, channel, platform, assignee, lead tag and contact, alone and together', async () => {
    const agentId = agent.session.user.id;
    const cases: [string, (s: ReturnType<typeof byKey>) => boolean][] = [
      ['status=needs_human', (s) => s.status === 'needs_human'],
      ['status=pending_approval', (s) => s.status === 'pending_approval'],
      ['status=open', (s) => s.status === 'open'],
      [`channelId=${fb}`, (s) => s.channelId === fb],
      ['platform=instagram', (s) => s.platform === 'instagram'],
      ['platform=whatsapp', () => false],
      [`assignee=${agentId}`, (s) => s.assigneeId === agentId],
      ['assignee=none', (s) => s.assigneeId === null],
      ['leadTag=HOT', (s) => s.leadTag === 'HOT'],
      [`contactId=${byKey('alice').contactId}`, (s) => s.contactId === byKey('alice').contactId],
      ['platform=instagram&leadTag=WARM', (s) => s.platform === 'instagram' && s.leadTag === 'WARM'],
      [`status=open&channelId=${ig}&assignee=none`, (s) => s.status === 'open' && s.channelId === ig],
    ];
    for (const [query, keep] of cases) {
      const expected = inboxOrder(keep);
      const pages = await walk<ConversationDto>(`/api/v1/conversations?${query}`, 2);
      expect(
        pages.flat().map((c) => c.id),
        query,
      ).toEqual(expected);
    }
    expect(inboxOrder((s) => s.contactId === byKey('alice').contactId)).toHaveLength(2);
  });

  it('searches contact names, usernames and message text', async () => {
    const search = async (q: string) =>
      (await walk<ConversationDto>(`/api/v1/conversations?q=${encodeURIComponent(q)}`, 2))
        .flat()
        .map((c) => c.id);
    expect(await search('Lyon')).toEqual([byKey('alice').id]);
    expect(await search('refund')).toEqual([byKey('carla').id]);
    expect(await search('diaz')).toEqual([byKey('carla').id]);
    expect(await search('alice')).toEqual([byKey('alice').id, byKey('aliceComments').id]);
    // LIKE wildcards in the query are literal characters.
    expect(await search('dan_the')).toEqual([byKey('dan').id]);
    expect(await search('n_t%')).toEqual([]);
    expect(await search('message 42')).toEqual([byKey('long').id]);
    expect(await search('nothing like this')).toEqual([]);
    // Search combines with the filters.
    const both = await walk<ConversationDto>(`/api/v1/conversations?q=alice&channelId=${fb}`, 5);
    expect(both.flat()).toEqual([]);
  });

  it('opens a thread on its newest 50 messages and pages back through the older ones', async () => {
    const long = byKey('long');
    const res = await get(`/api/v1/conversations/${long.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as {
      conversation: ConversationDto;
      messages: MessageDto[];
      olderCursor: string | null;
    };
    expect(detail.conversation).toMatchObject({ id: long.id, contact: { name: 'Liam Long' } });
    expect(detail.messages.map((m) => m.text)).toEqual(
      Array.from({ length: 50 }, (_, i) => `message ${i + 11}`),
    );
    expect(detail.messages[0]).toMatchObject({
      conversationId: long.id,
      direction: 'inbound',
      sender: 'customer',
      status: 'received',
    });
    expect(detail.olderCursor).not.toBeNull();

    const older = await get(
      `/api/v1/conversations/${long.id}/messages?cursor=${encodeURIComponent(detail.olderCursor!)}&limit=25`,
    );
    expect(older.statusCode, older.body).toBe(200);
    expect(older.json().items.map((m: MessageDto) => m.text)).toEqual(
      Array.from({ length: 10 }, (_, i) => `message ${i + 1}`),
    );
    expect(older.json().nextCursor).toBeNull();

    // From the newest backwards, page by page: every message once.
    const pages = await walk<MessageDto>(`/api/v1/conversations/${long.id}/messages`, 25);
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    const texts = pages
      .slice()
      .reverse()
      .flatMap((p) => p.map((m) => m.text));
    expect(texts).toEqual(Array.from({ length: 60 }, (_, i) => `message ${i + 1}`));

    const short = await get(`/api/v1/conversations/${byKey('alice').id}`);
    expect(short.json().messages.map((m: MessageDto) => m.text)).toEqual([
      'Hi! Do you ship to Lyon?',
      'And how long does it take?',
    ]);
    expect(short.json().olderCursor).toBeNull();
  });

  it('assigns to a teammate, refuses non-members and viewers, and unassigns', async () => {
    const conv = byKey('carla');
    const agentId = agent.session.user.id;
    const before = events.length;
    const assigned = await send(
      'PATCH',
      `/api/v1/conversations/${conv.id}/assign`,
      { assigneeId: agentId },
      agent,
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ id: conv.id, assigneeId: agentId });
    const mine = await walk<ConversationDto>(`/api/v1/conversations?assignee=${agentId}`, 10);
    expect(mine.flat().map((c) => c.id)).toContain(conv.id);
    expect(events.slice(before)).toContainEqual({
      tenantId,
      event: expect.objectContaining({
        type: 'conversation.updated',
        data: expect.objectContaining({ id: conv.id, assigneeId: agentId }),
      }),
    });

    const stranger = await registerWorkspace(t.app, { tenantName: 'Stranger Co' });
    for (const assigneeId of [crypto.randomUUID(), stranger.session.user.id]) {
      const res = await send('PATCH', `/api/v1/conversations/${conv.id}/assign`, { assigneeId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'The assignee is not a member of this workspace',
      });
    }
    const toViewer = await send('PATCH', `/api/v1/conversations/${conv.id}/assign`, {
      assigneeId: viewer.session.user.id,
    });
    expect(toViewer.statusCode).toBe(400);
    expect(toViewer.json().error.message).toBe('A viewer cannot answer conversations');
    expect((await get(`/api/v1/conversations/${conv.id}`)).json().conversation.assigneeId).toBe(agentId);

    const unassigned = await send('PATCH', `/api/v1/conversations/${conv.id}/assign`, { assigneeId: null });
    expect(unassigned.statusCode).toBe(200);
    expect(unassigned.json().assigneeId).toBeNull();

    const audit = await get('/api/v1/audit-logs?limit=100');
    const entries = audit
      .json()
      .items.filter(
        (i: { action: string; resource: { id: string } }) =>
          i.action === 'conversation.assigned' && i.resource.id === conv.id,
      );
    expect(entries.map((e: { metadata: object }) => e.metadata)).toEqual([
      { from: agentId, to: null },
      { from: null, to: agentId },
    ]);
    expect(entries[1].actor).toMatchObject({ userId: agentId, role: 'agent' });
  });

  it('changes status: snoozing needs a future time within 90 days, other statuses clear it', async () => {
    const conv = byKey('filler5');
    const url = `/api/v1/conversations/${conv.id}/status`;
    const inADay = new Date(Date.now() + 86_400_000).toISOString();
    const refusals = [
      { status: 'snoozed' },
      { status: 'snoozed', snoozedUntil: new Date(Date.now() - 60_000).toISOString() },
      { status: 'snoozed', snoozedUntil: new Date(Date.now() + 91 * 86_400_000).toISOString() },
      { status: 'closed', snoozedUntil: inADay },
      { status: 'snoozed', snoozedUntil: 'tomorrow' },
      { status: 'pending_approval' },
      { status: 'archived' },
    ];
    for (const body of refusals) {
      const res = await send('PATCH', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await get(`/api/v1/conversations/${conv.id}`)).json().conversation.status).toBe('open');

    const snoozed = await send('PATCH', url, { status: 'snoozed', snoozedUntil: inADay }, agent);
    expect(snoozed.statusCode, snoozed.body).toBe(200);
    expect(snoozed.json()).toMatchObject({ status: 'snoozed', snoozedUntil: inADay });
    const listed = await walk<ConversationDto>('/api/v1/conversations?status=snoozed', 10);
    expect(listed.flat().map((c) => c.id)).toEqual([conv.id]);

    const closed = await send('PATCH', url, { status: 'closed' }, agent);
    expect(closed.json()).toMatchObject({ status: 'closed', snoozedUntil: null });
    const reopened = await send('PATCH', url, { status: 'open' }, agent);
    expect(reopened.json()).toMatchObject({ status: 'open', snoozedUntil: null });
  });

  it('opening a conversation that waits for a human hands it back to the AI (audited)', async () => {
    const conv = byKey('bob');
    const res = await send('PATCH', `/api/v1/conversations/${conv.id}/status`, { status: 'open' }, agent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: conv.id, status: 'open' });
    const audit = await get('/api/v1/audit-logs?limit=100');
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({
        action: 'conversation.status_changed',
        resource: { type: 'conversation', id: conv.id },
        result: 'success',
        metadata: { from: 'needs_human', to: 'open', handedBackToAi: true },
      }),
    );
    const flagged = await send('PATCH', `/api/v1/conversations/${conv.id}/status`, { status: 'needs_human' });
    expect(flagged.json().status).toBe('needs_human');
  });

  it('marks a conversation read, for anyone who can read it', async () => {
    const conv = byKey('alice');
    expect((await get(`/api/v1/conversations/${conv.id}`)).json().conversation.unreadCount).toBe(2);
    const before = events.length;
    const res = await send('POST', `/api/v1/conversations/${conv.id}/read`, undefined, viewer);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect((await get(`/api/v1/conversations/${conv.id}`)).json().conversation.unreadCount).toBe(0);
    expect(events.slice(before)).toContainEqual({
      tenantId,
      event: expect.objectContaining({
        type: 'conversation.updated',
        data: expect.objectContaining({ id: conv.id, unreadCount: 0 }),
      }),
    });
  });

  it('a viewer reads but cannot assign or change status', async () => {
    const conv = byKey('dan');
    expect((await get('/api/v1/conversations', viewer)).statusCode).toBe(200);
    expect((await get(`/api/v1/conversations/${conv.id}`, viewer)).statusCode).toBe(200);
    for (const [url, payload] of [
      [`/api/v1/conversations/${conv.id}/assign`, { assigneeId: null }],
      [`/api/v1/conversations/${conv.id}/status`, { status: 'closed' }],
    ] as const) {
      const res = await send('PATCH', url, payload, viewer);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const after = (await get(`/api/v1/conversations/${conv.id}`)).json().conversation;
    expect(after).toMatchObject({ status: 'pending_approval', assigneeId: admin.session.user.id });
  });

  it('lists contacts, most recently seen first, across pages; searches and filters them', async () => {
    const contactIds = new Set([...seeded.values()].map((s) => s.contactId));
    const pages = await walk<{ id: string; lastSeenAt: string }>('/api/v1/contacts', 3);
    const listed = pages.flat();
    expect(listed.map((c) => c.id).sort()).toEqual([...contactIds].sort());
    expect(listed).toHaveLength(contactIds.size);
    for (const [i, c] of listed.entries()) {
      const next = listed[i + 1];
      if (next) expect(Date.parse(c.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(next.lastSeenAt));
    }
    const all = await get('/api/v1/contacts?limit=100');
    expect(all.json().items.map((c: { id: string }) => c.id)).toEqual(listed.map((c) => c.id));

    const alice = await get('/api/v1/contacts?q=alice');
    expect(alice.json().items).toEqual([
      expect.objectContaining({
        id: byKey('alice').contactId,
        channelId: ig,
        platform: 'instagram',
        platformUserId: 'u-alice',
        displayName: 'Alice Martin',
        username: 'alice.m',
        phone: null,
      }),
    ]);
    const onFacebook = await get(`/api/v1/contacts?channelId=${fb}&limit=100`);
    const fbContacts = [...seeded.values()].filter((s) => s.channelId === fb).map((s) => s.contactId);
    expect(
      onFacebook
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(fbContacts.sort());
  });

  it('shows a contact with all of its conversations', async () => {
    const res = await get(`/api/v1/contacts/${byKey('alice').contactId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { contact: { id: string }; conversations: ConversationDto[] };
    expect(body.contact.id).toBe(byKey('alice').contactId);
    expect(body.conversations.map((c) => c.id)).toEqual([byKey('alice').id, byKey('aliceComments').id]);
    expect(body.conversations[1]).toMatchObject({
      kind: 'comments',
      post: { postId: '1789', permalink: 'https://www.instagram.com/p/1789' },
    });
  });

  it("another workspace's conversations and contacts are not found, on every route", async () => {
    const other = await registerWorkspace(t.app, { tenantName: 'Other Co' });
    const otherTenant = other.session.tenant.id;
    const otherChannel = await seedChannel(t.deps.db, otherTenant, 'instagram', 'Their IG');
    const theirs = await seedConversation(t.deps.db, otherTenant, {
      channelId: otherChannel,
      platformUserId: 'their-customer',
      name: 'Their Customer',
      lastMessageAt: minutesBefore(1),
      texts: ['a private question'],
      unreadCount: 1,
    });
    const id = theirs.conversationId;
    for (const call of [
      { method: 'GET' as const, url: `/api/v1/conversations/${id}` },
      { method: 'GET' as const, url: `/api/v1/conversations/${id}/messages` },
      { method: 'PATCH' as const, url: `/api/v1/conversations/${id}/assign`, payload: { assigneeId: null } },
      {
        method: 'PATCH' as const,
        url: `/api/v1/conversations/${id}/assign`,
        payload: { assigneeId: admin.session.user.id },
      },
      { method: 'PATCH' as const, url: `/api/v1/conversations/${id}/status`, payload: { status: 'closed' } },
      { method: 'POST' as const, url: `/api/v1/conversations/${id}/read` },
      { method: 'GET' as const, url: `/api/v1/contacts/${theirs.contactId}` },
    ]) {
      const res = await t.app.inject({ ...call, headers: bearer(admin.token) });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (const url of [
      `/api/v1/conversations?channelId=${otherChannel}`,
      `/api/v1/conversations?contactId=${theirs.contactId}`,
      '/api/v1/conversations?q=private',
      `/api/v1/contacts?channelId=${otherChannel}`,
      '/api/v1/contacts?q=Their',
    ]) {
      expect((await get(url)).json().items, url).toEqual([]);
    }
    // Untouched on their side.
    const theirView = await get(`/api/v1/conversations/${id}`, other);
    expect(theirView.json().conversation).toMatchObject({ status: 'open', unreadCount: 1, assigneeId: null });
    expect(events.filter((e) => e.tenantId === otherTenant)).toEqual([]);
  });

  it('malformed ids, cursors and filters are 400s', async () => {
    const id = byKey('alice').id;
    for (const url of [
      '/api/v1/conversations/not-a-uuid',
      '/api/v1/conversations/not-a-uuid/messages',
      '/api/v1/conversations?cursor=garbage',
      `/api/v1/conversations?cursor=${Buffer.from('yesterday|x').toString('base64url')}`,
      `/api/v1/conversations/${id}/messages?cursor=garbage`,
      '/api/v1/conversations?assignee=bob',
      '/api/v1/conversations?status=archived',
      '/api/v1/conversations?leadTag=hot',
      '/api/v1/conversations?channelId=123',
      '/api/v1/conversations?limit=0',
      '/api/v1/conversations?limit=101',
      '/api/v1/conversations?sort=oldest',
      '/api/v1/contacts/not-a-uuid',
      '/api/v1/contacts?cursor=garbage',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    for (const [url, payload] of [
      ['/api/v1/conversations/nope/assign', { assigneeId: null }],
      [`/api/v1/conversations/${id}/assign`, { assigneeId: 'bob' }],
      [`/api/v1/conversations/${id}/assign`, {}],
      [`/api/v1/conversations/${id}/status`, { status: 'open', extra: true }],
    ] as const) {
      const res = await send('PATCH', url, payload);
      expect(res.statusCode, url).toBe(400);
    }
    expect((await send('POST', '/api/v1/conversations/nope/read')).statusCode).toBe(400);
  });

  it('pages rows written in one transaction without skipping any (timestamps keep milliseconds, like the cursor)', async () => {
    const burst = await registerWorkspace(t.app, { tenantName: 'Burst Co' });
    const tenantId = burst.session.tenant.id;
    const channelId = await seedChannel(t.deps.db, tenantId, 'facebook', 'Burst Page');
    await withTenant(t.deps.db, tenantId, async (tx) => {
      for (let i = 0; i < 5; i++)
        await upsertContact(tx, {
          id: crypto.randomUUID(),
          tenantId,
          channelId,
          platformUserId: `burst-${i}`,
        });
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`, burst);
      seen.push(...res.json().items.map((c: { id: string }) => c.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toHaveLength(5);
  });
});
