import { recordDeadLetter } from '@replyforce/core';
import {
  type Database,
  findInboundEventForUpdate,
  findMailForUpdate,
  findMessage,
  finishInboundEvent,
  insertChannel,
  insertDeadLetter,
  insertInboundEvents,
  insertMail,
  insertMessage,
  recordMailFailure,
  upsertContact,
  upsertConversation,
  withTenant,
} from '@replyforce/db';
import type { JobQueue } from '@replyforce/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, eventually, registerWorkspace, type Signed } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type DeadLetter = {
  id: string;
  queue: string;
  jobName: string;
  payload: Record<string, string>;
  error: string;
  attempts: number;
  failedAt: string;
};

async function seedDeadLetter(
  db: Database,
  tenantId: string,
  d: { queue: string; jobName: string; payload: Record<string, string>; failedAt: Date; error?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await withTenant(db, tenantId, (tx) =>
    insertDeadLetter(tx, { id, tenantId, attempts: 6, error: d.error ?? 'gave up after 6 attempts', ...d }),
  );
  return id;
}

async function seedChannel(db: Database, tenantId: string, status: 'needs_reauth' | 'disconnected') {
  const id = crypto.randomUUID();
  await withTenant(db, tenantId, (tx) =>
    insertChannel(tx, {
      id,
      tenantId,
      platform: 'instagram',
      accountId: `acct-${id.slice(0, 8)}`,
      name: `Channel ${status}`,
      status,
      credentials: 'v1.test-key.c2VhbGVk.dGFn',
    }),
  );
  return id;
}

const BASE = Date.parse('2026-03-02T12:00:00.000Z');
const at = (minutesBefore: number) => new Date(BASE - minutesBefore * 60_000);

describe.each(await databaseKinds())('dead letters on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  let tenantId: string;
  const members = {} as Record<'manager' | 'agent' | 'viewer', Signed>;
  const seeded: { id: string; queue: string; failedAt: Date }[] = [];
  /** Every dispatch through the real queue, with the state of its entity at that moment. */
  const dispatched: { name: string; payload: Record<string, string>; jobId: string; state?: string }[] = [];
  let refuseDispatch = false;

  const get = (url: string, who: Signed = admin) =>
    t.app.inject({ method: 'GET', url, headers: bearer(who.token) });
  const call = (method: 'POST' | 'DELETE', url: string, who: Signed = admin) =>
    t.app.inject({ method, url, headers: bearer(who.token) });

  /** The status of the row a job works on, read as the job is handed to the queue. */
  async function stateOf(name: string, p: Record<string, string>): Promise<string | undefined> {
    const tid = p.tenantId!;
    return withTenant(t.deps.db, tid, async (tx) => {
      if (name === 'outbound.send') return (await findMessage(tx, tid, p.messageId!))?.status;
      if (name === 'inbound.process') return (await findInboundEventForUpdate(tx, tid, p.eventId!))?.status;
      if (name === 'mail.deliver') return (await findMailForUpdate(tx, tid, p.mailId!))?.status;
      return undefined;
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await registerWorkspace(t.app, { tenantName: 'Queue Co' });
    tenantId = admin.session.tenant.id;
    for (const role of ['manager', 'agent', 'viewer'] as const)
      members[role] = await addMember(t.app, admin, role);

    const queue = t.deps.queue;
    const dispatch = queue.dispatch.bind(queue);
    queue.dispatch = (async (name, payload, opts) => {
      const p = payload as Record<string, string>;
      if (refuseDispatch) throw new Error('queue unavailable');
      dispatched.push({ name, payload: p, jobId: opts.jobId, state: await stateOf(name, p) });
      return dispatch(name, payload, opts);
    }) as JobQueue['dispatch'];

    const specs = [
      { queue: 'outbound', jobName: 'outbound.send', key: 'messageId', minutes: 1 },
      { queue: 'outbound', jobName: 'outbound.send', key: 'messageId', minutes: 2 },
      { queue: 'crm', jobName: 'crm.sync', key: 'leadId', minutes: 2 }, // same instant: the id decides
      { queue: 'crm', jobName: 'crm.sync', key: 'leadId', minutes: 2 },
      { queue: 'inbound', jobName: 'inbound.process', key: 'eventId', minutes: 3 },
      { queue: 'ai', jobName: 'ai.process', key: 'messageId', minutes: 4 },
      { queue: 'crm', jobName: 'crm.sync', key: 'leadId', minutes: 5 },
    ];
    for (const s of specs) {
      const failedAt = at(s.minutes);
      const id = await seedDeadLetter(t.deps.db, tenantId, {
        queue: s.queue,
        jobName: s.jobName,
        payload: { tenantId, [s.key]: crypto.randomUUID() },
        failedAt,
      });
      seeded.push({ id, queue: s.queue, failedAt });
    }
  });
  afterAll(() => t?.close());

  const expectedOrder = (queue?: string) =>
    seeded
      .filter((s) => !queue || s.queue === queue)
      .sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);

  async function walk(url: string, limit: number): Promise<DeadLetter[]> {
    const items: DeadLetter[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      items.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    return items;
  }

  it('lists dead letters newest first across pages, and by queue', async () => {
    const all = await walk('/api/v1/dead-letters', 3);
    expect(all.map((d) => d.id)).toEqual(expectedOrder());
    expect(all[0]).toEqual({
      id: expectedOrder()[0],
      queue: 'outbound',
      jobName: 'outbound.send',
      payload: { tenantId, messageId: expect.any(String) },
      error: 'gave up after 6 attempts',
      attempts: 6,
      failedAt: at(1).toISOString(),
    });
    const crm = await walk('/api/v1/dead-letters?queue=crm', 2);
    expect(crm.map((d) => d.id)).toEqual(expectedOrder('crm'));
    expect(await walk('/api/v1/dead-letters?queue=mail', 2)).toEqual([]);
  });

  it('shows one dead letter', async () => {
    const id = expectedOrder('inbound')[0]!;
    const res = await get(`/api/v1/dead-letters/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, queue: 'inbound', jobName: 'inbound.process', attempts: 6 });
  });

  it('records a final failure from the worker (recordDeadLetter) for admins to see', async () => {
    const other = await registerWorkspace(t.app, { tenantName: 'Recorder Co' });
    const tid = other.session.tenant.id;
    const mailId = crypto.randomUUID();
    await recordDeadLetter(t.deps, {
      tenantId: tid,
      queue: 'mail',
      jobName: 'mail.deliver',
      payload: { tenantId: tid, mailId },
      error: `SMTP said no ${'.'.repeat(10_000)}`,
      attempts: 5,
    });
    const res = await get('/api/v1/dead-letters', other);
    expect(res.json().items).toEqual([
      expect.objectContaining({ queue: 'mail', jobName: 'mail.deliver', payload: { tenantId: tid, mailId } }),
    ]);
    expect(res.json().items[0].error.length).toBeLessThanOrEqual(4000);
  });

  it('counts jobs per queue with the workspace dead letters', async () => {
    const res = await get('/api/v1/queues');
    expect(res.statusCode, res.body).toBe(200);
    const byQueue = Object.fromEntries(
      res.json().queues.map((q: { queue: string; dead: number }) => [q.queue, q]),
    );
    expect(Object.keys(byQueue).sort()).toEqual(['ai', 'crm', 'inbound', 'mail', 'outbound', 'scheduled']);
    expect(byQueue.outbound).toMatchObject({
      dead: 2,
      waiting: expect.any(Number),
      active: expect.any(Number),
    });
    expect(byQueue.crm.dead).toBe(3);
    expect(byQueue.inbound.dead).toBe(1);
    expect(byQueue.ai.dead).toBe(1);
    expect(byQueue.mail.dead).toBe(0);
    expect(byQueue.scheduled).toEqual({ queue: 'scheduled', waiting: 0, active: 0, delayed: 0, dead: 0 });
  });

  describe('retry', () => {
    let w: Signed;
    let tid: string;
    beforeAll(async () => {
      // A workspace of its own: the retried jobs really run and change its rows.
      w = await registerWorkspace(t.app, { tenantName: 'Retry Co' });
      tid = w.session.tenant.id;
    });

    it('an outbound send: the failed message is pending again, the job runs again', async () => {
      const channelId = await seedChannel(t.deps.db, tid, 'needs_reauth');
      const messageId = crypto.randomUUID();
      await withTenant(t.deps.db, tid, async (tx) => {
        const contact = await upsertContact(tx, {
          id: crypto.randomUUID(),
          tenantId: tid,
          channelId,
          platformUserId: 'u-1',
        });
        const conversation = await upsertConversation(tx, {
          id: crypto.randomUUID(),
          tenantId: tid,
          channelId,
          contactId: contact.id,
          threadKey: 'dm',
          kind: 'dm',
        });
        await insertMessage(tx, {
          id: messageId,
          tenantId: tid,
          conversationId: conversation.id,
          channelId,
          direction: 'outbound',
          sender: 'agent',
          text: 'Your order has shipped',
          status: 'failed',
          errorKind: 'permanent',
          errorMessage: 'seeded failure',
        });
      });
      const dlq = await seedDeadLetter(t.deps.db, tid, {
        queue: 'outbound',
        jobName: 'outbound.send',
        payload: { tenantId: tid, messageId },
        failedAt: at(1),
      });

      const res = await call('POST', `/api/v1/dead-letters/${dlq}/retry`, w);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json().jobId).toMatch(new RegExp(`^outbound-send-${messageId}-r\\d+$`));
      expect(dispatched).toContainEqual({
        name: 'outbound.send',
        payload: { tenantId: tid, messageId },
        jobId: res.json().jobId,
        state: 'pending',
      });
      expect((await get(`/api/v1/dead-letters/${dlq}`, w)).statusCode).toBe(404);
      // The send ran again: the channel still needs reconnecting, and now the message says so.
      const after = await eventually(async () => {
        const m = await withTenant(t.deps.db, tid, (tx) => findMessage(tx, tid, messageId));
        return m?.errorKind === 'auth_revoked' ? m : undefined;
      });
      expect(after.status).toBe('failed');
    });

    it('an inbound event: the failed event is pending again and is processed again', async () => {
      const channelId = await seedChannel(t.deps.db, tid, 'disconnected');
      const eventId = crypto.randomUUID();
      await withTenant(t.deps.db, tid, async (tx) => {
        await insertInboundEvents(tx, [
          {
            id: eventId,
            tenantId: tid,
            channelId,
            platformEventId: `evt-${eventId}`,
            kind: 'message',
            payload: { kind: 'message', text: 'hello' },
          },
        ]);
        await finishInboundEvent(tx, tid, eventId, 'failed', 'seeded failure');
      });
      const dlq = await seedDeadLetter(t.deps.db, tid, {
        queue: 'inbound',
        jobName: 'inbound.process',
        payload: { tenantId: tid, eventId },
        failedAt: at(2),
      });
      const res = await call('POST', `/api/v1/dead-letters/${dlq}/retry`, w);
      expect(res.statusCode, res.body).toBe(202);
      expect(dispatched).toContainEqual({
        name: 'inbound.process',
        payload: { tenantId: tid, eventId },
        jobId: expect.stringMatching(new RegExp(`^inbound-process-${eventId}-r\\d+$`)),
        state: 'pending',
      });
      // Processed again: its channel is gone, so this time it is skipped.
      await eventually(async () => {
        const e = await withTenant(t.deps.db, tid, (tx) => findInboundEventForUpdate(tx, tid, eventId));
        return e?.status === 'skipped' ? e : undefined;
      });
    });

    it('a mail: the failed mail is queued again and delivered', async () => {
      const mailId = crypto.randomUUID();
      await withTenant(t.deps.db, tid, async (tx) => {
        await insertMail(tx, {
          id: mailId,
          tenantId: tid,
          toAddress: 'customer@example.com',
          subject: 'Your weekly report',
          textBody: 'All good.',
        });
        await recordMailFailure(tx, tid, mailId, 'SMTP 421', true);
      });
      const dlq = await seedDeadLetter(t.deps.db, tid, {
        queue: 'mail',
        jobName: 'mail.deliver',
        payload: { tenantId: tid, mailId },
        failedAt: at(3),
      });
      const res = await call('POST', `/api/v1/dead-letters/${dlq}/retry`, w);
      expect(res.statusCode, res.body).toBe(202);
      expect(dispatched.find((d) => d.jobId === res.json().jobId)?.state).toBe('queued');
      await eventually(async () => {
        const box = await get('/api/v1/outbox', w);
        const mail = box.json().items.find((m: { id: string }) => m.id === mailId);
        return mail?.status === 'delivered' ? mail : undefined;
      });
      const audit = await get('/api/v1/audit-logs', w);
      expect(audit.json().items).toContainEqual(
        expect.objectContaining({
          action: 'dead_letter.retried',
          resource: { type: 'dead_letter', id: dlq },
          result: 'success',
          metadata: { queue: 'mail', jobName: 'mail.deliver', entityId: mailId, reset: true },
        }),
      );
    });

    it('keeps the dead letter when the queue refuses the job', async () => {
      const dlq = await seedDeadLetter(t.deps.db, tid, {
        queue: 'ai',
        jobName: 'ai.process',
        payload: { tenantId: tid, messageId: crypto.randomUUID() },
        failedAt: at(4),
      });
      refuseDispatch = true;
      try {
        const res = await call('POST', `/api/v1/dead-letters/${dlq}/retry`, w);
        expect(res.statusCode, res.body).toBe(503);
        expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE');
      } finally {
        refuseDispatch = false;
      }
      expect((await get(`/api/v1/dead-letters/${dlq}`, w)).json()).toMatchObject({
        id: dlq,
        jobName: 'ai.process',
      });
    });

    it('refuses a job the catalogue no longer accepts; the dead letter stays', async () => {
      const unknown = await seedDeadLetter(t.deps.db, tid, {
        queue: 'crm',
        jobName: 'crm.legacy_export',
        payload: { tenantId: tid, leadId: crypto.randomUUID() },
        failedAt: at(5),
      });
      const misfit = await seedDeadLetter(t.deps.db, tid, {
        queue: 'outbound',
        jobName: 'outbound.send',
        payload: { tenantId: tid, conversationId: crypto.randomUUID() },
        failedAt: at(5),
      });
      for (const id of [unknown, misfit]) {
        const before = dispatched.length;
        const res = await call('POST', `/api/v1/dead-letters/${id}/retry`, w);
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().error.message).toMatch(/cannot be retried/);
        expect(dispatched.length).toBe(before);
        expect((await get(`/api/v1/dead-letters/${id}`, w)).statusCode).toBe(200);
      }
    });
  });

  it('deletes one dead letter, then purges a queue (audited)', async () => {
    const [first] = expectedOrder('outbound');
    const del = await call('DELETE', `/api/v1/dead-letters/${first}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ purged: 1 });
    expect((await call('DELETE', `/api/v1/dead-letters/${first}`)).statusCode).toBe(404);

    const purge = await call('DELETE', '/api/v1/dead-letters?queue=crm');
    expect(purge.json()).toEqual({ purged: 3 });
    expect(await walk('/api/v1/dead-letters?queue=crm', 10)).toEqual([]);
    const left = await walk('/api/v1/dead-letters', 10);
    expect(left.map((d) => d.queue).sort()).toEqual(['ai', 'inbound', 'outbound']);
    expect((await call('DELETE', '/api/v1/dead-letters?queue=crm')).json()).toEqual({ purged: 0 });

    const audit = (await get('/api/v1/audit-logs?limit=100')).json().items as {
      action: string;
      resource: { id: string };
      metadata: object;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'dead_letter.deleted',
        resource: { type: 'dead_letter', id: first },
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'dead_letter.purged',
        resource: { type: 'queue', id: 'crm' },
        metadata: { purged: 3 },
      }),
    );
  });

  it("another workspace's dead letters are not found, and a purge here leaves theirs alone", async () => {
    const other = await registerWorkspace(t.app, { tenantName: 'Neighbour Co' });
    const otherTenant = other.session.tenant.id;
    const theirs = await seedDeadLetter(t.deps.db, otherTenant, {
      queue: 'outbound',
      jobName: 'outbound.send',
      payload: { tenantId: otherTenant, messageId: crypto.randomUUID() },
      failedAt: at(1),
    });
    const before = dispatched.length;
    for (const [method, url] of [
      ['GET', `/api/v1/dead-letters/${theirs}`],
      ['POST', `/api/v1/dead-letters/${theirs}/retry`],
      ['DELETE', `/api/v1/dead-letters/${theirs}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(admin.token) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(dispatched.length).toBe(before);
    const list = await walk('/api/v1/dead-letters', 50);
    expect(list.map((d) => d.id)).not.toContain(theirs);
    expect((await call('DELETE', '/api/v1/dead-letters?queue=outbound')).json().purged).toBeGreaterThan(0);
    expect((await get(`/api/v1/dead-letters/${theirs}`, other)).statusCode).toBe(200);
  });

  it('only admins manage queues: managers, agents and viewers get 403 everywhere', async () => {
    const id = crypto.randomUUID();
    const routes = [
      ['GET', '/api/v1/dead-letters'],
      ['GET', `/api/v1/dead-letters/${id}`],
      ['POST', `/api/v1/dead-letters/${id}/retry`],
      ['DELETE', `/api/v1/dead-letters/${id}`],
      ['DELETE', '/api/v1/dead-letters?queue=ai'],
      ['GET', '/api/v1/queues'],
    ] as const;
    for (const who of Object.values(members)) {
      for (const [method, url] of routes) {
        const res = await t.app.inject({ method, url, headers: bearer(who.token) });
        expect(res.statusCode, `${who.session.role} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    expect((await walk('/api/v1/dead-letters?queue=ai', 10)).length).toBe(1);
  });

  it('malformed ids, cursors and queues are 400s', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/dead-letters/not-a-uuid'],
      ['POST', '/api/v1/dead-letters/not-a-uuid/retry'],
      ['DELETE', '/api/v1/dead-letters/not-a-uuid'],
      ['GET', '/api/v1/dead-letters?cursor=garbage'],
      ['GET', '/api/v1/dead-letters?queue=nope'],
      ['GET', '/api/v1/dead-letters?limit=500'],
      ['DELETE', '/api/v1/dead-letters'],
      ['DELETE', '/api/v1/dead-letters?queue=nope'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(admin.token) });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
