import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox, type SandboxOptions } from '../src/index.ts';
import type { Captured } from './helpers/receiver.ts';
import {
  CREDS,
  call,
  customerWrites,
  graph,
  IG,
  PAGE,
  PAGE2,
  PHONE,
  startWorld,
  WABA,
  type World,
  X_USER,
} from './helpers/setup.ts';

const PHONE2 = '106540352242923';
const X_USER2 = '4337869214';
/** Long enough that no batch in these tests is sent by its timer: only a full batch or close() sends one. */
const NEVER_MS = 600_000;

/** Verified as a receiver does it: HMAC over the raw bytes received, compared in constant time. */
function signedByMeta(hook: Captured): boolean {
  const header = hook.headers['x-hub-signature-256'];
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', CREDS.metaAppSecret).update(hook.raw).digest('hex')}`,
  );
  return (
    typeof header === 'string' &&
    header.length === expected.length &&
    timingSafeEqual(Buffer.from(header), expected)
  );
}

function signedByX(hook: Captured): boolean {
  const expected = `sha256=${createHmac('sha256', CREDS.xConsumerSecret).update(hook.raw).digest('base64')}`;
  return hook.headers['x-twitter-webhooks-signature'] === expected;
}

// biome-ignore lint/suspicious/noExplicitAny: webhook JSON
type Json = any;

/** Every messaging element of every entry, with its entry's id. */
const messaging = (hook: Captured) =>
  (hook.json.entry as Json[]).flatMap((e) => (e.messaging as Json[]).map((m) => ({ entryId: e.id, ...m })));

const mids = (hooks: Captured[]) =>
  hooks.flatMap((h) => messaging(h).flatMap((m) => m.message?.mid ?? m.delivery?.mids ?? []));

/** A sandbox that merges deliveries, sending a batch only once it holds `maxEvents` (or on close). */
function batchingWorld(maxEvents: number, windowMs = NEVER_MS): Promise<World> {
  return startWorld({
    timing: { receiptDelayMs: 20, faultHoldMs: 300, batchWindowMs: windowMs },
    webhookBatchMaxEvents: maxEvents,
  });
}

describe('batched webhook deliveries', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('merges Messenger messages for two Pages into one signed POST, each entry in time order', async () => {
    world = await batchingWorld(4);
    const w = world;
    w.sandbox.sandbox.issueGrant('facebook', PAGE);
    w.sandbox.sandbox.issueGrant('facebook', PAGE2);
    // Handed over together; back-dated so that arrival order and time order differ.
    const answers = await Promise.all([
      customerWrites(w, 'facebook', PAGE, '7001', 'three hours ago', 3),
      customerWrites(w, 'facebook', PAGE, '7002', 'an hour ago', 1),
      customerWrites(w, 'facebook', PAGE2, '7004', 'now'),
      customerWrites(w, 'facebook', PAGE, '7003', 'two hours ago', 2),
    ]);
    for (const a of answers) expect(a.body).toMatchObject({ delivered: true, status: 200 });

    const hooks = w.receiver.posts('/webhooks/facebook');
    expect(hooks).toHaveLength(1);
    const [hook] = hooks as [Captured];
    expect(signedByMeta(hook)).toBe(true);
    expect(hook.json.object).toBe('page');
    expect(hook.json.entry.map((e: Json) => e.id).sort()).toEqual([PAGE, PAGE2].sort());
    const page = hook.json.entry.find((e: Json) => e.id === PAGE);
    expect(page.messaging.map((m: Json) => m.message.text)).toEqual([
      'three hours ago',
      'two hours ago',
      'an hour ago',
    ]);
    expect(page.time).toBe(Math.max(...page.messaging.map((m: Json) => m.timestamp)));
    expect(mids(hooks).sort()).toEqual(answers.map((a) => a.body.eventId).sort());
  });

  it('batches the echoes and delivery receipts of replies, every event exactly once', async () => {
    world = await batchingWorld(4);
    const w = world;
    const token = w.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    const inbound = await Promise.all(
      ['7101', '7102', '7103', '7104'].map((id) => customerWrites(w, 'facebook', PAGE, id, `hi from ${id}`)),
    );
    // Two replies: two echoes at once and two receipts a moment later fill the next batch.
    const replies = await Promise.all(
      ['7101', '7102'].map((id) =>
        call(graph(w, `${PAGE}/messages`), {
          token,
          json: { recipient: { id }, messaging_type: 'RESPONSE', message: { text: `reply to ${id}` } },
        }),
      ),
    );
    for (const r of replies) expect(r.status).toBe(200);
    await w.receiver.waitFor(() => w.receiver.posts('/webhooks/facebook').length === 2);

    const hooks = w.receiver.posts('/webhooks/facebook');
    for (const h of hooks) expect(signedByMeta(h)).toBe(true);
    const second = messaging(hooks[1] as Captured);
    expect(second.filter((m) => m.message?.is_echo)).toHaveLength(2);
    expect(second.filter((m) => m.delivery)).toHaveLength(2);
    const times = second.map((m) => m.timestamp ?? m.delivery.watermark);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Each customer message and each reply once; each reply once more in its receipt.
    const replyMids = replies.map((r) => r.body.message_id as string);
    expect(mids(hooks).sort()).toEqual(
      [...inbound.map((a) => a.body.eventId as string), ...replyMids, ...replyMids].sort(),
    );
    expect(
      second
        .filter((m) => m.delivery)
        .flatMap((m) => m.delivery.mids)
        .sort(),
    ).toEqual([...replyMids].sort());
  });

  it('keeps receivers apart, and gives WhatsApp one entry per WABA holding both numbers', async () => {
    world = await batchingWorld(2);
    const w = world;
    w.sandbox.sandbox.issueGrant('facebook', PAGE);
    w.sandbox.sandbox.issueGrant('instagram', IG);
    w.sandbox.sandbox.issueGrant('whatsapp', PHONE);
    const answers = await Promise.all([
      customerWrites(w, 'facebook', PAGE, '7201'),
      customerWrites(w, 'instagram', IG, '7202'),
      customerWrites(w, 'whatsapp', PHONE, '16505550001', 'first'),
      customerWrites(w, 'facebook', PAGE, '7203'),
      customerWrites(w, 'instagram', IG, '7204'),
      customerWrites(w, 'whatsapp', PHONE2, '16505550002', 'second'),
    ]);
    for (const a of answers) expect(a.body).toMatchObject({ delivered: true, status: 200 });
    for (const [path, object] of [
      ['/webhooks/facebook', 'page'],
      ['/webhooks/instagram', 'instagram'],
      ['/webhooks/whatsapp', 'whatsapp_business_account'],
    ]) {
      const hooks = w.receiver.posts(path as string);
      expect(hooks).toHaveLength(1);
      expect(signedByMeta(hooks[0] as Captured)).toBe(true);
      expect(hooks[0]?.json.object).toBe(object);
    }
    const wa = (w.receiver.posts('/webhooks/whatsapp')[0] as Captured).json;
    expect(wa.entry).toHaveLength(1);
    expect(wa.entry[0].id).toBe(WABA);
    const values = wa.entry[0].changes.map((c: Json) => c.value);
    expect(values.map((v: Json) => v.metadata.phone_number_id).sort()).toEqual([PHONE, PHONE2].sort());
    expect(values.flatMap((v: Json) => v.messages.map((m: Json) => m.id)).sort()).toEqual(
      [answers[2], answers[5]].map((a) => a?.body.eventId).sort(),
    );
  });

  it('X: one payload per subscribed user, events concatenated and the users maps merged', async () => {
    world = await batchingWorld(2);
    const w = world;
    w.sandbox.sandbox.issueGrant('x', X_USER);
    w.sandbox.sandbox.issueGrant('x', X_USER2);
    const answers = await Promise.all([
      customerWrites(w, 'x', X_USER, '3001969357', 'first to one'),
      customerWrites(w, 'x', X_USER2, '3001969358', 'first to two'),
      customerWrites(w, 'x', X_USER, '3001969359', 'second to one'),
      customerWrites(w, 'x', X_USER2, '3001969360', 'second to two'),
    ]);
    for (const a of answers) expect(a.body).toMatchObject({ delivered: true, status: 200 });

    const hooks = w.receiver.posts('/webhooks/twitter');
    expect(hooks).toHaveLength(2);
    for (const h of hooks) expect(signedByX(h)).toBe(true);
    const forUser = (id: string) => hooks.find((h) => h.json.for_user_id === id)?.json;
    const one = forUser(X_USER);
    const two = forUser(X_USER2);
    expect(one.direct_message_events.map((e: Json) => e.message_create.message_data.text)).toEqual([
      'first to one',
      'second to one',
    ]);
    expect(two.direct_message_events.map((e: Json) => e.message_create.sender_id).sort()).toEqual([
      '3001969358',
      '3001969360',
    ]);
    expect(Object.keys(one.users).sort()).toEqual(['3001969357', '3001969359', X_USER].sort());
    expect(Object.keys(two.users).sort()).toEqual(['3001969358', '3001969360', X_USER2].sort());
    const ids = hooks.flatMap((h) => h.json.direct_message_events.map((e: Json) => e.id));
    expect(ids.sort()).toEqual(answers.map((a) => a.body.eventId).sort());
  });

  it('resends the whole batch after a 500, and every caller hears about both attempts', async () => {
    world = await batchingWorld(3);
    const w = world;
    w.sandbox.sandbox.issueGrant('facebook', PAGE);
    w.receiver.failNext(500);
    const customers = ['7301', '7302', '7303'];
    const answers = await Promise.all(customers.map((id) => customerWrites(w, 'facebook', PAGE, id)));
    for (const a of answers) expect(a.body).toMatchObject({ delivered: false, status: 500 });

    await w.receiver.waitFor(() => w.receiver.posts('/webhooks/facebook').length === 2);
    const [failed, retried] = w.receiver.posts('/webhooks/facebook') as [Captured, Captured];
    expect(retried.raw.equals(failed.raw)).toBe(true);
    expect(retried.headers['x-hub-signature-256']).toBe(failed.headers['x-hub-signature-256']);
    expect(signedByMeta(retried)).toBe(true);
    expect(mids([retried]).sort()).toEqual(answers.map((a) => a.body.eventId).sort());
    // Each caller's onUpdate marks its own thread entry: all three were delivered by the retry.
    await vi.waitFor(() => {
      for (const id of customers)
        expect(w.sandbox.sandbox.state.thread('facebook', PAGE, id).map((e) => e.status)).toEqual([
          'delivered',
        ]);
    });
  });

  it('close() sends a batch still waiting for its window: nothing is lost', async () => {
    world = await batchingWorld(100);
    const w = world;
    w.sandbox.sandbox.issueGrant('facebook', PAGE);
    const answer = customerWrites(w, 'facebook', PAGE, '7401', 'just before closing');
    // The event is in the batch once its thread entry exists (the same step hands it over).
    await vi.waitFor(() => expect(w.sandbox.sandbox.state.thread('facebook', PAGE, '7401')).toHaveLength(1));
    expect(w.receiver.posts('/webhooks/facebook')).toHaveLength(0);

    await w.sandbox.close();
    const hooks = w.receiver.posts('/webhooks/facebook');
    expect(hooks).toHaveLength(1);
    expect(signedByMeta(hooks[0] as Captured)).toBe(true);
    expect(messaging(hooks[0] as Captured).map((m) => m.message.text)).toEqual(['just before closing']);
    expect((await answer).body).toMatchObject({ delivered: true, status: 200 });
    await w.receiver.close();
    world = undefined;
  });

  it('sends a partial batch when its window ends', async () => {
    world = await batchingWorld(100, 30);
    const w = world;
    w.sandbox.sandbox.issueGrant('instagram', IG);
    const answers = await Promise.all(
      ['7501', '7502'].map((id) => customerWrites(w, 'instagram', IG, id, `dm from ${id}`)),
    );
    for (const a of answers) expect(a.body).toMatchObject({ delivered: true, status: 200 });
    const hooks = w.receiver.posts('/webhooks/instagram');
    for (const h of hooks) expect(signedByMeta(h)).toBe(true);
    expect(mids(hooks).sort()).toEqual(answers.map((a) => a.body.eventId).sort());
  });

  it('without a window (the default), one POST per event as before', async () => {
    world = await startWorld();
    const w = world;
    w.sandbox.sandbox.issueGrant('facebook', PAGE);
    const answers = await Promise.all(
      ['7601', '7602', '7603'].map((id) => customerWrites(w, 'facebook', PAGE, id)),
    );
    for (const a of answers) expect(a.body).toMatchObject({ delivered: true, status: 200 });
    const hooks = w.receiver.posts('/webhooks/facebook');
    expect(hooks).toHaveLength(3);
    for (const h of hooks) {
      expect(signedByMeta(h)).toBe(true);
      expect(h.json.entry).toHaveLength(1);
      expect(h.json.entry[0].messaging).toHaveLength(1);
    }
    expect(mids(hooks).sort()).toEqual(answers.map((a) => a.body.eventId).sort());
  });

  it('refuses a negative window and a batch size beyond Meta’s 1000', () => {
    const base: SandboxOptions = { ...CREDS, webhookTarget: 'http://127.0.0.1:9' };
    expect(() => createSandbox({ ...base, timing: { batchWindowMs: -1 } })).toThrow(/batchWindowMs/);
    expect(() => createSandbox({ ...base, webhookBatchMaxEvents: 1001 })).toThrow(/webhookBatchMaxEvents/);
  });
});
