import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  inviteAndReadToken,
  loginAs,
  PASSWORD,
  refreshCookieOf,
  registerWorkspace,
} from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe.each(await databaseKinds())('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6' });
  });
  afterAll(() => t?.close());

  it('registers a workspace whose creator is its admin, with the claims of seed 001 §5.2', async () => {
    const { session, cookie } = await registerWorkspace(t.app, { tenantName: 'Café Olé' });
    expect(session.role).toBe('admin');
    expect(session.tenant.name).toBe('Café Olé');
    expect(session.tenant.slug).toMatch(/^cafe-ole-[0-9a-f]{6}$/);
    expect(session.memberships).toEqual([{ tenant: session.tenant, role: 'admin' }]);
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({
      sub: session.user.id,
      tid: session.tenant.id,
      role: 'admin',
      iss: 'replyforce.ai',
    });
    expect(claims.permissions).toContain('manage:team');
    expect(claims.exp - claims.iat).toBe(900);
    expect(cookie).toMatch(/^rf_refresh=/);
  });

  it('sets the refresh token as an httpOnly SameSite=Strict cookie scoped to the auth routes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { tenantName: 'Cookies', name: 'C', email: 'cookie@example.com', password: PASSWORD },
    });
    const c = res.cookies.find((x) => x.name === 'rf_refresh')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(res.body).not.toContain(c.value); // never in the body
  });

  it('refuses a second registration with the same email (case-insensitive)', async () => {
    await registerWorkspace(t.app, { email: 'dup@example.com' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { tenantName: 'Again', name: 'X', email: 'DUP@example.com', password: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('logs in, and a wrong password gets the same answer as an unknown email', async () => {
    await registerWorkspace(t.app, { email: 'login@example.com' });
    const ok = await loginAs(t.app, 'Login@Example.com');
    expect(ok.session.user.email).toBe('login@example.com');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'login@example.com', password: 'nope-nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rotates refresh tokens: each is single-use, and replaying a spent one ends the whole family', async () => {
    const first = await registerWorkspace(t.app);
    const r1 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: first.cookie },
    });
    expect(r1.statusCode).toBe(200);
    const second = refreshCookieOf(r1);
    expect(second).not.toBe(first.cookie);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(r1.json().accessToken),
    });
    expect(me.statusCode).toBe(200);

    // An attacker replays the first (spent) token…
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: first.cookie },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    // …and the legitimate holder's newer token is revoked with its family.
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: second },
    });
    expect(after.statusCode).toBe(401);

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-logs',
      headers: bearer((await loginAs(t.app, first.session.user.email)).token),
    });
    expect(audit.json().items.map((i: { action: string }) => i.action)).toContain('auth.refresh_reuse');
  });

  it('answers 401 to a missing, forged or malformed refresh cookie', async () => {
    for (const cookie of [
      undefined,
      'rf_refresh=garbage',
      `rf_refresh=${crypto.randomUUID()}.${crypto.randomUUID()}.${'A'.repeat(43)}`,
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: cookie ? { cookie } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
    }
  });

  it('logs out: the refresh cookie is cleared and no longer works', async () => {
    const s = await registerWorkspace(t.app);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'rf_refresh')?.value).toBe('');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(401);
  });

  it('throttles failed logins per account with 429 and Retry-After, even for the right password', async () => {
    const s = await registerWorkspace(t.app, { email: 'throttle@example.com' });
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'throttle@example.com', password: `wrong-${i}-password` },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.session.user.email, password: PASSWORD },
      remoteAddress: '10.0.0.9',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles failed logins per IP across accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 6; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `spray-${i}@example.com`, password: 'guess-guess-guess' },
        remoteAddress: ip,
      });
    }
    const s = await registerWorkspace(t.app);
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.session.user.email, password: PASSWORD },
      remoteAddress: ip,
    });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.session.user.email, password: PASSWORD },
      remoteAddress: '10.9.9.10',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('rejects expired, tampered, alg:none and foreign-key tokens', async () => {
    const s = await registerWorkspace(t.app);
    const [h, p] = s.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const elevated = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', tid: crypto.randomUUID() })).toString('base64url')}.${s.token.split('.')[2]}`;
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('some-other-secret-some-other-secret!!'));
    const expired = await new SignJWT({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 3600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(t.deps.jwtKey);
    for (const [token, code] of [
      [none, 'UNAUTHENTICATED'],
      [elevated, 'UNAUTHENTICATED'],
      [foreign, 'UNAUTHENTICATED'],
      [expired, 'TOKEN_EXPIRED'],
      ['not-a-jwt', 'UNAUTHENTICATED'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
      expect(res.statusCode, token).toBe(401);
      expect(res.json().error.code).toBe(code);
    }
  });

  it('lets a user in several workspaces choose one at login and switch between them', async () => {
    const home = await registerWorkspace(t.app, { tenantName: 'Home Roasters' });
    const other = await registerWorkspace(t.app, { tenantName: 'Other Co' });
    const email = home.session.user.email;
    const token = await inviteAndReadToken(t.app, other, email, 'viewer');
    // An existing account proves itself with its password; no name is needed.
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ role: 'viewer', tenant: { id: other.session.tenant.id } });
    expect(accepted.json().memberships.map((m: { tenant: { name: string } }) => m.tenant.name)).toEqual([
      'Home Roasters',
      'Other Co',
    ]);

    const atHome = await loginAs(t.app, email, PASSWORD, home.session.tenant.id);
    expect(atHome.session.role).toBe('admin');
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: { ...bearer(atHome.token), cookie: atHome.cookie },
      payload: { tenantId: other.session.tenant.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ role: 'viewer', tenant: { name: 'Other Co' } });
    // The viewer token only reads Other Co's team; the old session was ended.
    const members = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/members',
      headers: bearer(switched.json().accessToken),
    });
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain(other.session.user.email);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: atHome.cookie },
    });
    expect(old.statusCode).toBe(401);

    const stranger = await registerWorkspace(t.app, { tenantName: 'Stranger' });
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-tenant',
      headers: bearer(switched.json().accessToken),
      payload: { tenantId: stranger.session.tenant.id },
    });
    expect(denied.statusCode).toBe(404);
    const loginElsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD, tenantId: stranger.session.tenant.id },
    });
    expect(loginElsewhere.statusCode).toBe(403);
  });
});
