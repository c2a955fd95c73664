import { memberships, withSystem } from '@replyforce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  bearer,
  inviteAndReadToken,
  PASSWORD,
  registerWorkspace,
  type Signed,
} from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe.each(await databaseKinds())('team on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await registerWorkspace(t.app, { tenantName: 'Team Co', name: 'Olivia Owner' });
  });
  afterAll(() => t?.close());

  const accept = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload });

  it('invites by email: the mail with a signed link lands in the outbox, the preview describes it', async () => {
    const token = await inviteAndReadToken(t.app, admin, 'newbie@example.com', 'agent');
    const box = await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: bearer(admin.token) });
    expect(box.json().items[0]).toMatchObject({
      to: 'newbie@example.com',
      subject: 'Olivia Owner invited you to Team Co on ReplyForce',
      status: 'delivered',
    });
    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/invitations',
      headers: bearer(admin.token),
    });
    expect(pending.json().items).toEqual([
      expect.objectContaining({ email: 'newbie@example.com', role: 'agent', invitedBy: 'Olivia Owner' }),
    ]);
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/${encodeURIComponent(token)}`,
    });
    expect(preview.json()).toMatchObject({
      tenantName: 'Team Co',
      email: 'newbie@example.com',
      role: 'agent',
      invitedBy: 'Olivia Owner',
      accountExists: false,
    });
  });

  it('accepting creates the account, signs it in with the invited role, and works only once', async () => {
    const token = await inviteAndReadToken(t.app, admin, 'once@example.com', 'manager');
    const noName = await accept({ token, password: PASSWORD });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details).toHaveProperty('name');

    const ok = await accept({ token, name: 'Mona Manager', password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      role: 'manager',
      user: { email: 'once@example.com', name: 'Mona Manager' },
    });
    const again = await accept({ token, name: 'Mona Again', password: PASSWORD });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('INVITATION_INVALID');

    const members = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/members',
      headers: bearer(admin.token),
    });
    expect(members.json().items).toContainEqual(
      expect.objectContaining({ email: 'once@example.com', role: 'manager', isOwner: false }),
    );
  });

  it('a revoked, replaced or tampered link is refused', async () => {
    const first = await inviteAndReadToken(t.app, admin, 'replaced@example.com', 'viewer');
    const second = await inviteAndReadToken(t.app, admin, 'replaced@example.com', 'agent');
    expect((await accept({ token: first, name: 'R', password: PASSWORD })).statusCode).toBe(410);

    const pending = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/invitations',
      headers: bearer(admin.token),
    });
    const inv = pending.json().items.find((i: { email: string }) => i.email === 'replaced@example.com');
    expect(inv.role).toBe('agent');
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/team/invitations/${inv.id}`,
      headers: bearer(admin.token),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await accept({ token: second, name: 'R', password: PASSWORD })).statusCode).toBe(410);

    const [h, p, sig] = second.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), tid: crypto.randomUUID() })).toString('base64url')}.${sig}`;
    expect((await accept({ token: forged, name: 'R', password: PASSWORD })).statusCode).toBe(410);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${encodeURIComponent(forged)}` }))
        .statusCode,
    ).toBe(410);
  });

  it('an existing account must give its own password to accept', async () => {
    const elsewhere = await registerWorkspace(t.app, { tenantName: 'Elsewhere' });
    const token = await inviteAndReadToken(t.app, admin, elsewhere.session.user.email, 'viewer');
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/${encodeURIComponent(token)}`,
    });
    expect(preview.json().accountExists).toBe(true);
    const wrong = await accept({ token, password: 'not-my-password' });
    expect(wrong.statusCode).toBe(401);
    const right = await accept({ token, password: PASSWORD });
    expect(right.statusCode).toBe(200);
    expect(right.json().memberships).toHaveLength(2);
  });

  it('refuses to invite someone who is already a member', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/team/invitations',
      headers: bearer(admin.token),
      payload: { email: admin.session.user.email, role: 'viewer' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_MEMBER');
  });

  it('changes roles; the owner can be neither demoted nor removed', async () => {
    const m = await addMember(t.app, admin, 'viewer');
    const up = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/team/members/${m.session.user.id}`,
      headers: bearer(admin.token),
      payload: { role: 'agent' },
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ userId: m.session.user.id, role: 'agent' });

    const owner = admin.session.user.id;
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/team/members/${owner}`,
      headers: bearer(admin.token),
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('OWNER_PROTECTED');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/team/members/${owner}`,
      headers: bearer(admin.token),
    });
    expect(remove.json().error.code).toBe('OWNER_PROTECTED');
  });

  it('the last admin can be neither demoted nor removed', async () => {
    // A workspace whose owner flag was given up: its one admin is the last line of control.
    const w = await registerWorkspace(t.app, { tenantName: 'Lone Admin' });
    await withSystem(t.deps.db, (tx) => tx.update(memberships).set({ isOwner: false }));
    const id = w.session.user.id;
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/team/members/${id}`,
      headers: bearer(w.token),
      payload: { role: 'manager' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/team/members/${id}`,
      headers: bearer(w.token),
    });
    expect(remove.json().error.code).toBe('LAST_ADMIN');
    // With a second admin, the first may step down.
    const second = await addMember(t.app, w, 'admin');
    const stepDown = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/team/members/${id}`,
      headers: bearer(second.token),
      payload: { role: 'manager' },
    });
    expect(stepDown.statusCode).toBe(200);
    await withSystem(t.deps.db, (tx) => tx.update(memberships).set({ isOwner: true }));
  });

  it('a removed member loses access at once: access token and refresh cookie both stop working', async () => {
    const m = await addMember(t.app, admin, 'agent');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/team/members/${m.session.user.id}`,
      headers: bearer(admin.token),
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/team/members', headers: bearer(m.token) }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: m.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it("another workspace's members and invitations are not found", async () => {
    const other = await registerWorkspace(t.app, { tenantName: 'Other' });
    await inviteAndReadToken(t.app, other, 'theirs@example.com', 'agent');
    const theirInvites = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/invitations',
      headers: bearer(other.token),
    });
    const theirInvite = theirInvites.json().items[0].id;
    const theirUser = other.session.user.id;
    for (const call of [
      { method: 'PATCH' as const, url: `/api/v1/team/members/${theirUser}`, payload: { role: 'viewer' } },
      { method: 'DELETE' as const, url: `/api/v1/team/members/${theirUser}` },
      { method: 'DELETE' as const, url: `/api/v1/team/invitations/${theirInvite}` },
    ]) {
      const res = await t.app.inject({ ...call, headers: bearer(admin.token) });
      expect(res.statusCode, call.url).toBe(404);
    }
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/members',
      headers: bearer(admin.token),
    });
    expect(mine.json().items.map((m: { userId: string }) => m.userId)).not.toContain(theirUser);
    const stillThere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/invitations',
      headers: bearer(other.token),
    });
    expect(stillThere.json().items).toHaveLength(1);
  });
});
