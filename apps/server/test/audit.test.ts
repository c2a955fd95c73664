import { sweepQueuedMail } from '@replyforce/core';
import { mailOutbox, withSystem } from '@replyforce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, eventually, loginAs, registerWorkspace, type Signed } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type Entry = {
  action: string;
  result: string;
  actor: { email: string | null; ip: string | null; role: string | null };
  resource: { type: string; id: string | null };
  metadata: Record<string, unknown>;
};

describe.each(await databaseKinds())('audit log on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await registerWorkspace(t.app, { email: 'audited@example.com' });
  });
  afterAll(() => t?.close());

  async function allEntries(token: string): Promise<Entry[]> {
    const out: Entry[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit-logs?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(token),
      });
      expect(res.statusCode).toBe(200);
      out.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    return out;
  }

  it('records each sensitive action with actor, IP, resource and result, newest first across pages', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'audited@example.com', password: 'wrong-password!' },
      remoteAddress: '203.0.113.7',
    });
    await loginAs(t.app, 'audited@example.com');
    const m = await addMember(t.app, admin, 'viewer');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/team/members/${m.session.user.id}`,
      headers: bearer(admin.token),
      payload: { role: 'agent' },
    });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/team/members/${m.session.user.id}`,
      headers: bearer(admin.token),
    });

    const entries = await allEntries(admin.token);
    expect(entries.map((e) => `${e.action}:${e.result}`)).toEqual([
      'team.member_removed:success',
      'team.role_changed:success',
      'team.invitation_accepted:success',
      'team.invite:success',
      'auth.login:success',
      'auth.login:failure',
      'auth.register:success',
    ]);
    const failed = entries.find((e) => e.action === 'auth.login' && e.result === 'failure')!;
    expect(failed.actor).toMatchObject({ email: 'audited@example.com', ip: '203.0.113.7' });
    const change = entries.find((e) => e.action === 'team.role_changed')!;
    expect(change).toMatchObject({
      actor: { email: 'audited@example.com', role: 'admin' },
      resource: { type: 'member', id: m.session.user.id },
      metadata: { from: 'viewer', to: 'agent' },
    });
  });

  it('is readable by admins only', async () => {
    const agent = await addMember(t.app, admin, 'agent');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-logs',
      headers: bearer(agent.token),
    });
    expect(res.statusCode).toBe(403);
  });

  it("shows nothing of another workspace's activity", async () => {
    const other = await registerWorkspace(t.app, { email: 'other-audit@example.com' });
    const mine = await allEntries(admin.token);
    expect(mine.some((e) => e.actor.email === 'other-audit@example.com')).toBe(false);
    const theirs = await allEntries(other.token);
    expect(theirs.map((e) => e.action)).toEqual(['auth.register']);
  });
});

describe.each(await databaseKinds())('mail outbox on %s', (kind) => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('the sweeper delivers a mail whose dispatch was lost, exactly once', async () => {
    t = await createTestApp(kind);
    const admin = await registerWorkspace(t.app);
    // Simulate a crash between commit and dispatch: a queued row nobody dispatched, 2 minutes old.
    const id = crypto.randomUUID();
    await withSystem(t.deps.db, (tx) =>
      tx.insert(mailOutbox).values({
        id,
        tenantId: admin.session.tenant.id,
        toAddress: 'lost@example.com',
        subject: 'Lost',
        textBody: 'lost mail',
        createdAt: new Date(Date.now() - 120_000),
      }),
    );
    expect(await sweepQueuedMail(t.deps)).toBe(1);
    const row = await eventually(async () => {
      const [r] = await withSystem(t.deps.db, (tx) => tx.select().from(mailOutbox));
      return r?.status === 'delivered' ? r : undefined;
    });
    expect(row.attempts).toBe(1);
    // A second sweep finds nothing left to do.
    expect(await sweepQueuedMail(t.deps)).toBe(0);
  });
});
