import { createHmac } from 'node:crypto';
import type { RealtimeEvent } from '@replyforce/contracts';
import { processInboundEvent, refreshExpiringTokens, sendMessage } from '@replyforce/core';
import { listStaleUnsentMessages, queryRows, storeInboundEvents, withSystem } from '@replyforce/db';
import { RetryLaterError } from '@replyforce/queue';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import {
  call,
  connectThroughOAuth,
  customerWrites,
  register,
  type SpineServer,
  sandboxThread,
  startSpineServer,
  type Workspace,
} from './helpers/spine-server.ts';

const PAGE = '1000000000000001';
const IG = '17841400000000001';
const WA = '106540352242922';
const X = '4337869213';

/** A live dashboard connection: authenticates, then collects its tenant's events. */
async function dashboard(s: SpineServer, token: string): Promise<{ events: RealtimeEvent[]; close(): void }> {
  const socket = new WebSocket(`${s.base.replace('http', 'ws')}/ws`);
  const events: RealtimeEvent[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.type === 'ready') resolve();
      if (msg.type === 'event') events.push(msg.event);
    });
    socket.once('close', (code) => reject(new Error(`socket closed ${code}`)));
  });
  return { events, close: () => socket.close() };
}

function signMeta(s: SpineServer, body: string): string {
  return `sha256=${createHmac('sha256', s.config.channels.metaAppSecret).update(body).digest('hex')}`;
}

/** A Messenger webhook body for the test Page carrying one messaging element. */
function pageDelivery(time: number, messaging: object): string {
  return JSON.stringify({ object: 'page', entry: [{ id: PAGE, time, messaging: [messaging] }] });
}

async function postWebhook(s: SpineServer, segment: string, body: string, signature?: string) {
  const res = await fetch(`${s.base}/webhooks/${segment}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(segment === 'twitter'
        ? {
            'x-twitter-webhooks-signature':
              signature ??
              `sha256=${createHmac('sha256', s.config.channels.xConsumerSecret).update(body).digest('base64')}`,
          }
        : { 'x-hub-signature-256': signature ?? signMeta(s, body) }),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

async function countRows(s: SpineServer, table: 'inbound_events' | 'messages'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    s.deps.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row?.n ?? 0;
}

async function conversations(s: SpineServer, w: Workspace, query = '') {
  const res = await call(s, 'GET', `/api/v1/conversations${query}`, { token: w.token });
  expect(res.status).toBe(200);
  return res.json.items as {
    id: string;
    platform: string;
    status: string;
    contact: { platformUserId: string };
  }[];
}

async function detail(s: SpineServer, w: Workspace, id: string) {
  const res = await call(s, 'GET', `/api/v1/conversations/${id}`, { token: w.token });
  expect(res.status).toBe(200);
  return res.json as {
    conversation: { status: string; windowExpiresAt: string | null };
    messages: { direction: string; sender: string; text: string; status: string; kind: string }[];
  };
}

/** Waits until the sandbox thread holds `n` business replies, then a moment more to catch any extra. */
async function repliesIn(s: SpineServer, platform: string, account: string, customer: string, n: number) {
  await eventually(async () => {
    const out = (await sandboxThread(s, platform, account, customer)).filter((m) => m.direction === 'out');
    return out.length >= n ? out : undefined;
  });
  await new Promise((r) => setTimeout(r, 300));
  return (await sandboxThread(s, platform, account, customer)).filter((m) => m.direction === 'out');
}

describe.each(await databaseKinds())('the message spine on %s', (kind) => {
  let s: SpineServer;
  let acme: Workspace;

  beforeAll(async () => {
    s = await startSpineServer(kind);
    acme = await register(s, 'Acme Coffee');
    for (const [platform, account] of [
      ['facebook', PAGE],
      ['instagram', IG],
      ['whatsapp', WA],
      ['x', X],
    ] as const) {
      const res = await connectThroughOAuth(s, acme.token, platform, { accounts: [account] });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
    }
  });
  afterAll(() => s?.close());

  it('connects each platform through its consent page and lists the accounts with their platform ids', async () => {
    const res = await call(s, 'GET', '/api/v1/channels', { token: acme.token });
    expect(res.status).toBe(200);
    expect(
      res.json.items
        .map((c: { platform: string; accountId: string; status: string }) => [
          c.platform,
          c.accountId,
          c.status,
        ])
        .sort(),
    ).toEqual([
      ['facebook', PAGE, 'active'],
      ['instagram', IG, 'active'],
      ['whatsapp', WA, 'active'],
      ['x', X, 'active'],
    ]);
    // Tokens are sealed at rest: no plaintext token in the table.
    const rows = await queryRows<{ credentials: string }>(s.deps.db, sql`select credentials from channels`);
    for (const r of rows) expect(r.credentials).toMatch(/^v1\./);
    const status = await call(s, 'GET', `/api/v1/channels/${res.json.items[0].id}/status`, {
      token: acme.token,
    });
    expect(status.json.tokenValid).toBe(true);
  });

  it('refuses a denied consent, a reused state, and a Page another workspace has connected', async () => {
    const denied = await connectThroughOAuth(s, acme.token, 'facebook', { decision: 'cancel' });
    expect(denied.status).toBe(400);
    expect(denied.json.error.code).toBe('CONNECT_DENIED');
    const reused = await call(s, 'POST', '/api/v1/channels/connect/complete', {
      token: acme.token,
      body: { state: crypto.randomUUID(), code: 'anything' },
    });
    expect(reused.status).toBe(410);
    const other = await register(s, 'Other Coffee');
    const taken = await connectThroughOAuth(s, other.token, 'facebook', { accounts: [PAGE] });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('CHANNEL_IN_USE');
  });

  it('answers a DM on every platform once, visible in the API and live on the tenant dashboard only', async () => {
    const live = await dashboard(s, acme.token);
    const other = await register(s, 'Quiet Tea');
    const otherLive = await dashboard(s, other.token);
    const customers = {
      facebook: ['psid-dm-1', PAGE],
      instagram: ['igsid-dm-1', IG],
      whatsapp: ['16505550101', WA],
      x: ['3001969357', X],
    } as const;
    for (const [platform, [customer, account]] of Object.entries(customers))
      await customerWrites(s, {
        platform: platform as 'facebook',
        accountId: account,
        customer: { id: customer, name: 'Jane Doe' },
        text: 'Hello!',
      });
    for (const [platform, [customer, account]] of Object.entries(customers)) {
      const replies = await repliesIn(s, platform, account, customer, 1);
      expect(replies, platform).toHaveLength(1);
      expect(replies[0]?.text).toMatch(/^Hi Jane! Thanks for reaching out to Acme Coffee/);
    }
    const list = await conversations(s, acme);
    for (const [platform, [customer]] of Object.entries(customers)) {
      const c = list.find((x) => x.platform === platform && x.contact.platformUserId === customer);
      expect(c, platform).toBeDefined();
      // Messenger and Instagram webhooks carry no name: it comes from the platform's profile API.
      expect((c as unknown as { contact: { name: string } }).contact.name, platform).toBe('Jane Doe');
      const thread = await eventually(async () => {
        const d = await detail(s, acme, c?.id ?? '');
        return d.messages.some(
          (m) => m.direction === 'outbound' && ['sent', 'delivered', 'read'].includes(m.status),
        )
          ? d
          : undefined;
      });
      expect(thread.messages.map((m) => [m.direction, m.sender])).toEqual([
        ['inbound', 'customer'],
        ['outbound', 'ai'],
      ]);
    }
    await eventually(async () =>
      live.events.filter((e) => e.type === 'message.created').length >= 8 ? true : undefined,
    );
    expect(live.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['message.created', 'message.status', 'conversation.updated']),
    );
    expect(otherLive.events).toEqual([]);
    live.close();
    otherLive.close();
  });

  it('stores a webhook delivered three times once and answers it once', async () => {
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: 'psid-dup' },
      text: 'Is anyone there?',
    });
    await repliesIn(s, 'facebook', PAGE, 'psid-dup', 1);
    const now = Date.now();
    const body = pageDelivery(now, {
      sender: { id: 'psid-dup' },
      recipient: { id: PAGE },
      timestamp: now,
      message: { mid: `m_dup_${now}`, text: 'Do you open on Sundays?' },
    });
    const before = await countRows(s, 'inbound_events');
    const answers = await Promise.all([1, 2, 3].map(() => postWebhook(s, 'facebook', body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await countRows(s, 'inbound_events')).toBe(before + 1);
    const replies = await repliesIn(s, 'facebook', PAGE, 'psid-dup', 2);
    expect(replies).toHaveLength(2);
  });

  it('moves replies to delivered and read from receipts, and records a message another tool sent', async () => {
    const customer = 'psid-receipts';
    const thread = async () => {
      const c = (await conversations(s, acme)).find((x) => x.contact.platformUserId === customer);
      return c ? (await detail(s, acme, c.id)).messages : [];
    };
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: customer },
      text: 'Hi',
    });
    // Messenger's delivery receipt names the reply (mids): settled with other receipts in one batch.
    await eventually(async () =>
      (await thread()).some((m) => m.sender === 'ai' && m.status === 'delivered') ? true : undefined,
    );
    // The customer opens the thread: Messenger's read receipt is a watermark, settled on its own.
    await sandboxThread(s, 'facebook', PAGE, customer);
    await eventually(async () =>
      (await thread()).some((m) => m.sender === 'ai' && m.status === 'read') ? true : undefined,
    );
    // An echo whose metadata is a uuid that is not ours: a message sent from another tool.
    const now = Date.now();
    const echo = pageDelivery(now, {
      sender: { id: PAGE },
      recipient: { id: customer },
      timestamp: now,
      message: {
        mid: `m_other_tool_${now}`,
        is_echo: true,
        app_id: 1234567890,
        text: 'Sent from our CRM',
        metadata: crypto.randomUUID(),
      },
    });
    expect((await postWebhook(s, 'facebook', echo)).status).toBe(200);
    const messages = await eventually(async () => {
      const m = await thread();
      return m.some((x) => x.text === 'Sent from our CRM') ? m : undefined;
    });
    expect(messages.find((m) => m.text === 'Sent from our CRM')).toMatchObject({
      direction: 'outbound',
      sender: 'agent',
      status: 'sent',
    });
    expect(messages.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual(['Hi']);
  });

  it('sends an unconfirmed reply again only when no echo of it is stored (a crash after the platform took it)', async () => {
    const customer = 'psid-crash';
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: customer },
      text: 'Open today?',
    });
    await repliesIn(s, 'facebook', PAGE, customer, 1);
    const [reply] = await queryRows<{ id: string; channel_id: string }>(
      s.deps.db,
      sql`select m.id, m.channel_id from messages m join conversations c on c.id = m.conversation_id
          join contacts k on k.id = c.contact_id where k.platform_user_id = ${customer} and m.direction = 'outbound'`,
    );
    if (!reply) throw new Error('no reply row');
    // What a worker killed between the platform's answer and recording it leaves: `sending`, tried
    // 20 s ago (past the 15 s wait for an echo).
    const unconfirm = () =>
      queryRows(
        s.deps.db,
        sql`update messages set status = 'sending', last_attempt_at = now() - interval '20 seconds' where id = ${reply.id}`,
      );
    await unconfirm();
    // The platform's echo of it is stored, its inbound job not run yet (both came back after the crash).
    const echoId = crypto.randomUUID();
    await storeInboundEvents(s.deps.db, [
      {
        id: echoId,
        tenantId: acme.tenantId,
        channelId: reply.channel_id,
        platformEventId: `m_echo_${echoId}`,
        kind: 'echo',
        payload: {
          kind: 'echo',
          eventId: `m_echo_${echoId}`,
          accountId: PAGE,
          timestamp: Date.now(),
          customerId: customer,
          platformMessageId: `m_echo_${echoId}`,
          text: 'the reply',
          metadata: reply.id,
        },
      },
    ]);
    const job = { tenantId: acme.tenantId, messageId: reply.id };
    await expect(sendMessage(s.deps, job, { attempt: 2, final: false })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    expect(await repliesIn(s, 'facebook', PAGE, customer, 1)).toHaveLength(1);
    // The echo settles it; the retried job then has nothing to do.
    await processInboundEvent(s.deps, { tenantId: acme.tenantId, eventId: echoId });
    const status = async () =>
      (
        await queryRows<{ status: string }>(
          s.deps.db,
          sql`select status from messages where id = ${reply.id}`,
        )
      )[0]?.status;
    expect(await status()).toBe('sent');
    await sendMessage(s.deps, job, { attempt: 3, final: false });
    expect(await repliesIn(s, 'facebook', PAGE, customer, 1)).toHaveLength(1);
    // No echo at all past the wait: the platform most likely never got it, and it is sent again.
    await unconfirm();
    await sendMessage(s.deps, job, { attempt: 4, final: false });
    expect(await repliesIn(s, 'facebook', PAGE, customer, 2)).toHaveLength(2);
    expect(['sent', 'delivered', 'read']).toContain(await status());
  });

  it('takes an X echo that overtakes our send for our reply, not for a message from another tool', async () => {
    const customer = '3001969399';
    await customerWrites(s, { platform: 'x', accountId: X, customer: { id: customer }, text: 'Hi there' });
    const [sentReply] = await repliesIn(s, 'x', X, customer, 1);
    const [reply] = await queryRows<{ id: string; channel_id: string; text: string }>(
      s.deps.db,
      sql`select m.id, m.channel_id, m.text from messages m join conversations c on c.id = m.conversation_id
          join contacts k on k.id = c.contact_id where k.platform_user_id = ${customer} and m.direction = 'outbound'`,
    );
    if (!reply || !sentReply) throw new Error('no reply row');
    // The send call has not returned yet (X's echo raced it): `sending`, no platform id, tried 20 s ago.
    await queryRows(
      s.deps.db,
      sql`update messages set status = 'sending', platform_message_id = null,
          last_attempt_at = now() - interval '20 seconds' where id = ${reply.id}`,
    );
    // X echoes carry no metadata: only the text says it is ours.
    const echoId = crypto.randomUUID();
    const platformMessageId = `${Date.now()}0042`;
    await storeInboundEvents(s.deps.db, [
      {
        id: echoId,
        tenantId: acme.tenantId,
        channelId: reply.channel_id,
        platformEventId: platformMessageId,
        kind: 'echo',
        payload: {
          kind: 'echo',
          eventId: platformMessageId,
          accountId: X,
          timestamp: Date.now(),
          customerId: customer,
          platformMessageId,
          text: reply.text,
        },
      },
    ]);
    // Stored and not yet processed, it holds back a resend like an echo carrying our id would.
    const job = { tenantId: acme.tenantId, messageId: reply.id };
    await expect(sendMessage(s.deps, job, { attempt: 2, final: false })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    await processInboundEvent(s.deps, { tenantId: acme.tenantId, eventId: echoId });
    const rows = await queryRows<{ sender: string; status: string; platform_message_id: string }>(
      s.deps.db,
      sql`select m.sender, m.status, m.platform_message_id from messages m join conversations c on c.id = m.conversation_id
          join contacts k on k.id = c.contact_id where k.platform_user_id = ${customer} and m.direction = 'outbound'`,
    );
    expect(rows).toEqual([{ sender: 'ai', status: 'sent', platform_message_id: platformMessageId }]);
    await sendMessage(s.deps, job, { attempt: 3, final: false });
    expect(await repliesIn(s, 'x', X, customer, 1)).toHaveLength(1);
  });

  it('sweeps a send again only once its last attempt is stale, not while it is in flight', async () => {
    const customer = 'psid-sweep';
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: customer },
      text: 'Hello?',
    });
    await repliesIn(s, 'facebook', PAGE, customer, 1);
    const [reply] = await queryRows<{ id: string }>(
      s.deps.db,
      sql`select m.id from messages m join conversations c on c.id = m.conversation_id
          join contacts k on k.id = c.contact_id where k.platform_user_id = ${customer} and m.direction = 'outbound'`,
    );
    if (!reply) throw new Error('no reply row');
    const stale = async () =>
      (
        await withSystem(s.deps.db, (tx) => listStaleUnsentMessages(tx, new Date(Date.now() - 60_000), 500))
      ).map((r) => r.id);
    // Created long ago but attempted a moment ago: a send in flight, not for the sweeper.
    await queryRows(
      s.deps.db,
      sql`update messages set status = 'sending', created_at = now() - interval '10 minutes',
          last_attempt_at = now() where id = ${reply.id}`,
    );
    expect(await stale()).not.toContain(reply.id);
    await queryRows(
      s.deps.db,
      sql`update messages set last_attempt_at = now() - interval '10 minutes' where id = ${reply.id}`,
    );
    expect(await stale()).toContain(reply.id);
    await queryRows(s.deps.db, sql`update messages set status = 'sent' where id = ${reply.id}`);
  });

  it('rejects bad signatures and malformed bodies, and stores nothing for an unknown account', async () => {
    const body = JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: Date.now(), messaging: [] }] });
    const before = await countRows(s, 'inbound_events');
    expect((await postWebhook(s, 'facebook', body, 'sha256=00')).status).toBe(401);
    expect((await postWebhook(s, 'facebook', body, signMeta(s, `${body} `))).status).toBe(401);
    expect((await postWebhook(s, 'facebook', body, undefined)).status).toBe(200);
    expect((await postWebhook(s, 'twitter', '{"for_user_id":"1"}', 'sha256=AAAA')).status).toBe(401);
    expect((await postWebhook(s, 'facebook', '{"object": "page", "entry": [')).status).toBe(400);
    expect(
      (await postWebhook(s, 'facebook', JSON.stringify({ object: 'instagram', entry: [] }))).status,
    ).toBe(400);
    const unknown = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '999',
          time: Date.now(),
          messaging: [
            {
              sender: { id: 'p' },
              recipient: { id: '999' },
              timestamp: Date.now(),
              message: { mid: 'm_unknown', text: 'hi' },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(s, 'facebook', unknown)).status).toBe(200);
    const stale = JSON.stringify({
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1_000_000_000_000,
          messaging: [
            {
              sender: { id: 'p' },
              recipient: { id: PAGE },
              timestamp: 1_000_000_000_000,
              message: { mid: 'm_old', text: 'hi' },
            },
          ],
        },
      ],
    });
    const replayed = await postWebhook(s, 'facebook', stale);
    expect(replayed.status).toBe(400);
    expect(await countRows(s, 'inbound_events')).toBe(before);
  });

  it('answers the Meta verification handshake and the X CRC check', async () => {
    const ok = await fetch(
      `${s.base}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${s.config.channels.metaVerifyToken}&hub.challenge=challenge_123`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, 'challenge_123']);
    const wrong = await fetch(
      `${s.base}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=c`,
    );
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('"c"');
    const crc = await fetch(`${s.base}/webhooks/twitter?crc_token=challenge_string`);
    const expected = createHmac('sha256', s.config.channels.xConsumerSecret)
      .update('challenge_string')
      .digest('base64');
    expect(await crc.json()).toEqual({ response_token: `sha256=${expected}` });
  });

  it('takes the official WhatsApp and X sample payloads (platform-contracts.md §4.1, §5.3)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const whatsapp = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: WA },
                contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                messages: [
                  {
                    from: '16505551234',
                    id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                    timestamp: String(now),
                    type: 'text',
                    text: { body: 'Does it come in another color?' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
    expect((await postWebhook(s, 'whatsapp', whatsapp)).status).toBe(200);
    const x = JSON.stringify({
      for_user_id: X,
      direct_message_events: [
        {
          type: 'message_create',
          id: '954491830116155396',
          created_timestamp: String(Date.now()),
          message_create: {
            target: { recipient_id: X },
            sender_id: '3001969358',
            source_app_id: '13090192',
            message_data: {
              text: 'Hello World!',
              entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
            },
          },
        },
      ],
      users: { '3001969358': { id: '3001969358', name: 'Jordan Brinks', screen_name: 'furiouscamper' } },
    });
    expect((await postWebhook(s, 'twitter', x)).status).toBe(200);
    const list = await eventually(async () => {
      const items = await conversations(s, acme);
      const wa = items.find((c) => c.contact.platformUserId === '16505551234');
      const tw = items.find((c) => c.contact.platformUserId === '3001969358');
      return wa && tw ? { wa, tw } : undefined;
    });
    const waThread = await detail(s, acme, list.wa.id);
    expect(waThread.messages[0]?.text).toBe('Does it come in another color?');
  });

  it('hands an upset customer to a person: holding message once, then silence until handed back', async () => {
    const customer = { id: 'psid-angry', name: 'Sam Upset' };
    await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer,
      text: "This is the third time my order is late, I want a refund or I'll call my lawyer",
    });
    const [holding] = await repliesIn(s, 'facebook', PAGE, customer.id, 1);
    expect(holding?.text).toMatch(/team will .*reply to you personally/);
    const conv = (await conversations(s, acme, '?status=needs_human')).find(
      (c) => c.contact.platformUserId === customer.id,
    );
    expect(conv).toBeDefined();
    await customerWrites(s, { platform: 'facebook', accountId: PAGE, customer, text: 'Hello?? Anyone?' });
    await eventually(async () =>
      (await detail(s, acme, conv?.id ?? '')).messages.length >= 3 ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(
      await sandboxThread(s, 'facebook', PAGE, customer.id).then((t) =>
        t.filter((m) => m.direction === 'out'),
      ),
    ).toHaveLength(1);
    const reply = await call(s, 'POST', `/api/v1/conversations/${conv?.id}/messages`, {
      token: acme.token,
      body: { text: 'So sorry Sam, I have refunded your order.', idempotencyKey: 'agent-reply-1' },
    });
    expect(reply.status, JSON.stringify(reply.json)).toBe(202);
    const again = await call(s, 'POST', `/api/v1/conversations/${conv?.id}/messages`, {
      token: acme.token,
      body: { text: 'So sorry Sam, I have refunded your order.', idempotencyKey: 'agent-reply-1' },
    });
    expect(again.json.id).toBe(reply.json.id);
    const out = await repliesIn(s, 'facebook', PAGE, customer.id, 2);
    expect(out.map((m) => m.text)).toContain('So sorry Sam, I have refunded your order.');
    expect(out).toHaveLength(2);
    const handBack = await call(s, 'PATCH', `/api/v1/conversations/${conv?.id}/status`, {
      token: acme.token,
      body: { status: 'open' },
    });
    expect(handBack.status).toBe(200);
    await customerWrites(s, { platform: 'facebook', accountId: PAGE, customer, text: 'Thanks, hi again' });
    expect(await repliesIn(s, 'facebook', PAGE, customer.id, 3)).toHaveLength(3);
  });

  it('keeps to the WhatsApp 24-hour window: no free text after it, an approved template instead', async () => {
    const customer = { id: '16505550199', name: 'Old Friend' };
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000).toISOString();
    await customerWrites(s, {
      platform: 'whatsapp',
      accountId: WA,
      customer,
      text: 'Any news on my order?',
      at: twoDaysAgo,
    });
    const conv = await eventually(async () =>
      (await conversations(s, acme)).find((c) => c.contact.platformUserId === customer.id),
    );
    const d = await eventually(async () => {
      const x = await detail(s, acme, conv.id);
      return x.messages[0] && (x.messages[0] as { aiAnalysis?: unknown }).aiAnalysis ? x : undefined;
    });
    expect(new Date(d.conversation.windowExpiresAt ?? 0).getTime()).toBeLessThan(Date.now());
    expect(d.messages).toHaveLength(1);
    const text = await call(s, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: acme.token,
      body: { text: 'Hello!' },
    });
    expect(text.status).toBe(409);
    expect(text.json.error.details.reason).toBe('template_required');
    const templated = await call(s, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: acme.token,
      body: {
        text: 'template',
        template: { name: 'order_update', language: 'en_US', parameters: ['Old Friend', 'A-1001'] },
      },
    });
    expect(templated.status, JSON.stringify(templated.json)).toBe(202);
    const [sent] = await repliesIn(s, 'whatsapp', WA, customer.id, 1);
    expect(sent?.kind).toBe('template');
  });

  it('replies to an Instagram comment in public, and privately at most once', async () => {
    const commented = await call(s, 'POST', '/sandbox/control/comments', {
      body: {
        platform: 'instagram',
        accountId: IG,
        customer: { id: 'igsid-commenter', username: 'coffee_fan' },
        text: 'Love this! Price?',
      },
    });
    expect(commented.status).toBe(200);
    const conv = await eventually(async () =>
      (await conversations(s, acme)).find((c) => c.contact.platformUserId === 'igsid-commenter'),
    );
    const auto = await eventually(async () => {
      const d = await detail(s, acme, conv.id);
      return d.messages.find(
        (m) => m.kind === 'comment_reply' && m.status !== 'pending' && m.status !== 'sending',
      );
    });
    expect(auto.status).not.toBe('failed');
    const first = await call(s, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: acme.token,
      body: { text: 'Sent you the price list by DM!', mode: 'private' },
    });
    expect(first.status).toBe(202);
    const second = await call(s, 'POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: acme.token,
      body: { text: 'One more private note', mode: 'private' },
    });
    expect(second.status).toBe(202);
    const results = await eventually(async () => {
      const d = await detail(s, acme, conv.id);
      const privates = d.messages.filter((m) => m.kind === 'private_reply');
      return privates.every((m) => !['pending', 'sending'].includes(m.status)) ? privates : undefined;
    });
    expect(results).toHaveLength(2);
    expect(results.filter((m) => m.status === 'blocked')).toHaveLength(1);
    expect(results.filter((m) => ['sent', 'delivered', 'read'].includes(m.status))).toHaveLength(1);
  });

  it('refreshes an X token before it expires, and the channel keeps answering', async () => {
    const [before] = await queryRows<{ id: string; credentials: string }>(
      s.deps.db,
      sql`select id, credentials from channels where platform = 'x'`,
    );
    // Make the token look 5 minutes from expiry: the scheduler refreshes 15 minutes ahead.
    await s.deps.db.orm.execute(
      sql`update channels set token_expires_at = now() + interval '5 minutes' where id = ${before?.id}`,
    );
    expect(await refreshExpiringTokens(s.deps)).toBe(1);
    const [after] = await queryRows<{ credentials: string; token_expires_at: Date; status: string }>(
      s.deps.db,
      sql`select credentials, token_expires_at, status from channels where id = ${before?.id}`,
    );
    expect(after?.credentials).not.toBe(before?.credentials);
    expect(after?.status).toBe('active');
    expect(new Date(after?.token_expires_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(await refreshExpiringTokens(s.deps)).toBe(0);
    await customerWrites(s, {
      platform: 'x',
      accountId: X,
      customer: { id: '3001969377', name: 'Fresh Token' },
      text: 'Hi!',
    });
    expect(await repliesIn(s, 'x', X, '3001969377', 1)).toHaveLength(1);
  });

  it('marks a channel needs_reauth after repeated auth errors and mails the admins; disconnect stops processing', async () => {
    const channels = (await call(s, 'GET', '/api/v1/channels', { token: acme.token })).json.items as {
      id: string;
      platform: string;
    }[];
    const x = channels.find((c) => c.platform === 'x');
    await call(s, 'POST', '/sandbox/control/tokens/revoke', { body: { platform: 'x', accountId: X } });
    await customerWrites(s, {
      platform: 'x',
      accountId: X,
      customer: { id: '3001969399', name: 'Late Larry' },
      text: 'Hello?',
    });
    const after = await eventually(async () => {
      const res = await call(s, 'GET', `/api/v1/channels`, { token: acme.token });
      const c = res.json.items.find((i: { id: string }) => i.id === x?.id);
      return c.status === 'needs_reauth' ? c : undefined;
    }, 30_000);
    expect(after.lastError).toBeTruthy();
    const outbox = await call(s, 'GET', '/api/v1/outbox', { token: acme.token });
    expect(outbox.json.items.some((m: { subject: string }) => m.subject.startsWith('Reconnect'))).toBe(true);

    const fb = channels.find((c) => c.platform === 'facebook');
    expect((await call(s, 'DELETE', `/api/v1/channels/${fb?.id}`, { token: acme.token })).status).toBe(204);
    const before = await countRows(s, 'inbound_events');
    // Instagram rides on the same Page, so the Page stays subscribed: its webhooks still arrive and
    // are acknowledged, but nothing is stored for the disconnected channel.
    const res = await customerWrites(s, {
      platform: 'facebook',
      accountId: PAGE,
      customer: { id: 'psid-late' },
      text: 'Hi',
    });
    expect(res.status).toBe(200);
    expect(await countRows(s, 'inbound_events')).toBe(before);
    // WhatsApp has no other channel on its business account: the app is unsubscribed at the platform.
    const wa = channels.find((c) => c.platform === 'whatsapp');
    expect((await call(s, 'DELETE', `/api/v1/channels/${wa?.id}`, { token: acme.token })).status).toBe(204);
    const silent = await customerWrites(s, {
      platform: 'whatsapp',
      accountId: WA,
      customer: { id: '16505550777' },
      text: 'Hi',
    });
    expect(silent.delivered).toBe(false);
    const listed = (await call(s, 'GET', '/api/v1/channels', { token: acme.token })).json.items.map(
      (c: { platform: string }) => c.platform,
    );
    expect(listed.sort()).toEqual(['instagram', 'x']);
  });
});
