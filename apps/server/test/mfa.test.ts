import type { SessionDto } from '@replyforce/contracts';
import { base32Decode, totpCode, totpStepAt } from '@replyforce/core';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, bearer, PASSWORD, registerWorkspace, type Signed } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/**
 * A user's authenticator, as the test drives it: each code is of a step the server has not seen
 * yet, and within its ±1 step window (so three codes fit in one 30 s step, whatever the clock).
 */
type Authenticator = { secret: string; lastStep: number };
function nextCode(a: Authenticator): string {
  const now = totpStepAt(Date.now());
  const step = Math.max(a.lastStep + 1, now - 1);
  if (step > now + 1) throw new Error('this authenticator has used its codes of the current window');
  a.lastStep = step;
  return totpCode(base32Decode(a.secret), step);
}

describe.each(await databaseKinds())('two-factor sign-in on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '1000' });
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object, token?: string) =>
    t.app.inject({ method: 'POST', url, payload, ...(token ? { headers: bearer(token) } : {}) });

  /** Enrols and confirms; returns the authenticator and the recovery codes shown once. */
  async function enrol(s: Signed): Promise<{ auth: Authenticator; recoveryCodes: string[] }> {
    const started = await post('/api/v1/auth/mfa/enrol', {}, s.token);
    expect(started.statusCode, started.body).toBe(200);
    const auth = { secret: started.json().secret as string, lastStep: 0 };
    const confirmed = await post('/api/v1/auth/mfa/confirm', { code: nextCode(auth) }, s.token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { auth, recoveryCodes: confirmed.json().recoveryCodes };
  }

  async function challengeFor(email: string): Promise<string> {
    const res = await post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'mfa_required', expiresIn: 300 });
    return res.json().challenge;
  }

  async function auditActions(s: Signed): Promise<string[]> {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-logs?limit=100',
      headers: bearer(s.token),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((i: { action: string }) => i.action);
  }

  it('enrols with a secret and URI, stays pending until a correct code, then shows 10 recovery codes', async () => {
    const s = await registerWorkspace(t.app);
    const started = await post('/api/v1/auth/mfa/enrol', {}, s.token);
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri.startsWith('otpauth://totp/ReplyForce:')).toBe(true);

    const status = await t.app.inject({ method: 'GET', url: '/api/v1/auth/mfa', headers: bearer(s.token) });
    expect(status.json()).toEqual({
      enabled: false,
      pending: true,
      enrolmentRequired: false,
      recoveryCodesLeft: 0,
    });
    // Pending: the password alone still signs in.
    const plain = await post('/api/v1/auth/login', { email: s.session.user.email, password: PASSWORD });
    expect(plain.json().accessToken).toBeTypeOf('string');

    const wrong = await post('/api/v1/auth/mfa/confirm', { code: '000000' }, s.token);
    expect(wrong.statusCode).toBe(400);
    const auth = { secret, lastStep: 0 };
    const confirmed = await post('/api/v1/auth/mfa/confirm', { code: nextCode(auth) }, s.token);
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);

    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/mfa', headers: bearer(s.token) });
    expect(after.json()).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect((await post('/api/v1/auth/mfa/enrol', {}, s.token)).statusCode).toBe(409);
    expect(await auditActions(s)).toContain('mfa.enrolled');
  });

  it('asks for a code after the password and issues the session only with it', async () => {
    const s = await registerWorkspace(t.app);
    const { auth } = await enrol(s);
    const first = await post('/api/v1/auth/login', { email: s.session.user.email, password: PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json().accessToken).toBeUndefined();
    expect(first.cookies.find((c) => c.name === 'rf_refresh')).toBeUndefined();

    const done = await post('/api/v1/auth/login/mfa', {
      challenge: first.json().challenge,
      code: nextCode(auth),
    });
    expect(done.statusCode, done.body).toBe(200);
    const session = done.json() as SessionDto;
    expect(session.user.id).toBe(s.session.user.id);
    expect(done.cookies.find((c) => c.name === 'rf_refresh')).toBeDefined();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(session.accessToken),
    });
    expect(me.statusCode).toBe(200);
    // The refresh cookie keeps working like any session's.
    const cookie = done.cookies.find((c) => c.name === 'rf_refresh')!;
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: `rf_refresh=${cookie.value}` },
    });
    expect(refreshed.statusCode).toBe(200);
  });

  it('refuses wrong, expired and reused codes, and a spent challenge; failures are audited', async () => {
    const s = await registerWorkspace(t.app);
    const { auth } = await enrol(s);
    const email = s.session.user.email;

    const wrong = await post('/api/v1/auth/login/mfa', {
      challenge: await challengeFor(email),
      code: '123456',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');

    const expired = totpCode(base32Decode(auth.secret), totpStepAt(Date.now()) - 3);
    const old = await post('/api/v1/auth/login/mfa', { challenge: await challengeFor(email), code: expired });
    expect(old.statusCode).toBe(401);

    const code = nextCode(auth);
    const challenge = await challengeFor(email);
    expect((await post('/api/v1/auth/login/mfa', { challenge, code })).statusCode).toBe(200);
    const reused = await post('/api/v1/auth/login/mfa', { challenge: await challengeFor(email), code });
    expect(reused.statusCode).toBe(401);
    // The same challenge again, even with a new valid code: spent.
    const replay = await post('/api/v1/auth/login/mfa', { challenge, code: nextCode(auth) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('UNAUTHENTICATED');

    const actions = await auditActions(s);
    expect(actions.filter((a) => a === 'login.mfa_failed').length).toBeGreaterThanOrEqual(2);
  });

  it('signs in with a recovery code once, and regenerating codes retires the old ones', async () => {
    const s = await registerWorkspace(t.app);
    const { auth, recoveryCodes } = await enrol(s);
    const email = s.session.user.email;

    // Typed in capitals without the dash: still the same code.
    const typed = recoveryCodes[0]!.toUpperCase().replace('-', '');
    const ok = await post('/api/v1/auth/login/mfa', {
      challenge: await challengeFor(email),
      recoveryCode: typed,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await post('/api/v1/auth/login/mfa', {
      challenge: await challengeFor(email),
      recoveryCode: recoveryCodes[0],
    });
    expect(again.statusCode).toBe(401);
    const token = ok.json().accessToken as string;
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/auth/mfa', headers: bearer(token) });
    expect(status.json().recoveryCodesLeft).toBe(9);
    expect(await auditActions({ ...s, token })).toContain('mfa.recovery_used');

    expect((await post('/api/v1/auth/mfa/recovery-codes', { code: '000000' }, token)).statusCode).toBe(400);
    const fresh = await post('/api/v1/auth/mfa/recovery-codes', { code: nextCode(auth) }, token);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    const retired = await post('/api/v1/auth/login/mfa', {
      challenge: await challengeFor(email),
      recoveryCode: recoveryCodes[1],
    });
    expect(retired.statusCode).toBe(401);
    const renewed = await post('/api/v1/auth/login/mfa', {
      challenge: await challengeFor(email),
      recoveryCode: fresh.json().recoveryCodes[0],
    });
    expect(renewed.statusCode).toBe(200);
  });

  it('throttles wrong codes like failed passwords, and a correct password does not reset the count', async () => {
    const s = await registerWorkspace(t.app);
    const { auth } = await enrol(s);
    const email = s.session.user.email;
    for (let i = 0; i < 3; i++) {
      const r = await post('/api/v1/auth/login/mfa', {
        challenge: await challengeFor(email),
        code: '000000',
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // A challenge obtained before the lock does not get round it either.
    await t.deps.counter.reset(`login-fail:acct:${email}`);
    const challenge = await challengeFor(email);
    for (let i = 0; i < 3; i++) await post('/api/v1/auth/login/mfa', { challenge, code: '000000' });
    const blocked = await post('/api/v1/auth/login/mfa', { challenge, code: nextCode(auth) });
    expect(blocked.statusCode).toBe(429);
  });

  it('turns off with the password (not with a wrong one); then the password alone signs in', async () => {
    const s = await registerWorkspace(t.app);
    const { auth } = await enrol(s);
    expect(
      (await post('/api/v1/auth/mfa/disable', { password: 'not the password' }, s.token)).statusCode,
    ).toBe(400);
    expect((await post('/api/v1/auth/mfa/disable', { code: '000000' }, s.token)).statusCode).toBe(400);
    expect((await post('/api/v1/auth/mfa/disable', {}, s.token)).statusCode).toBe(400);
    expect((await post('/api/v1/auth/mfa/disable', { password: PASSWORD }, s.token)).statusCode).toBe(204);
    const plain = await post('/api/v1/auth/login', { email: s.session.user.email, password: PASSWORD });
    expect(plain.json().accessToken).toBeTypeOf('string');
    expect(await auditActions(s)).toContain('mfa.disabled');
    // …and a second enrolment, turned off with a code this time.
    const again = await enrol(s);
    expect((await post('/api/v1/auth/mfa/disable', { code: nextCode(again.auth) }, s.token)).statusCode).toBe(
      204,
    );
    void auth;
  });

  it("refuses another user's challenge, an expired one, and a tampered or foreign token as a challenge", async () => {
    const a = await registerWorkspace(t.app);
    const b = await registerWorkspace(t.app);
    await enrol(a);
    const bEnrolled = await enrol(b);
    const aChallenge = await challengeFor(a.session.user.email);
    // B's valid code does not open A's challenge.
    const crossed = await post('/api/v1/auth/login/mfa', {
      challenge: aChallenge,
      code: nextCode(bEnrolled.auth),
    });
    expect(crossed.statusCode).toBe(401);

    // Rewriting the subject to B breaks the signature.
    const [header, payload, signature] = aChallenge.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.sub = b.session.user.id;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const tampered = await post('/api/v1/auth/login/mfa', {
      challenge: forged,
      code: '123456',
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().error.code).toBe('UNAUTHENTICATED');
    // An access token is signed with the same key but is not a challenge (another audience).
    const wrongKind = await post('/api/v1/auth/login/mfa', {
      challenge: b.token,
      code: '123456',
    });
    expect(wrongKind.statusCode).toBe(401);
    // A correctly signed challenge past its expiry.
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await new SignJWT({ tid: a.session.tenant.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(a.session.user.id)
      .setJti(crypto.randomUUID())
      .setIssuer(t.config.auth.issuer)
      .setAudience('replyforce:mfa-challenge')
      .setIssuedAt(past)
      .setExpirationTime(past + 300)
      .sign(t.deps.jwtKey);
    const late = await post('/api/v1/auth/login/mfa', { challenge: expired, code: '123456' });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('UNAUTHENTICATED');
    // Nor is a challenge an access token.
    const asBearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(aChallenge),
    });
    expect(asBearer.statusCode).toBe(401);
    const both = await post('/api/v1/auth/login/mfa', {
      challenge: aChallenge,
      code: '123456',
      recoveryCode: 'abcde-fghij',
    });
    expect(both.statusCode).toBe(400);
  });

  it('when the workspace requires it, an admin without MFA can only enrol; other roles are unaffected', async () => {
    const owner = await registerWorkspace(t.app);
    const { auth: ownerAuth } = await enrol(owner);
    const manager = await addMember(t.app, owner, 'manager');
    const admin = await addMember(t.app, owner, 'admin');
    const agent = await addMember(t.app, owner, 'agent');
    const patch = (s: Signed, on: boolean) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/settings/security',
        headers: bearer(s.token),
        payload: { mfaRequiredForAdmins: on },
      });
    expect((await patch(manager, true)).statusCode).toBe(403);
    const on = await patch(owner, true);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toEqual({ mfaRequiredForAdmins: true });

    const members = (s: Signed) =>
      t.app.inject({ method: 'GET', url: '/api/v1/team/members', headers: bearer(s.token) });
    const limited = await members(admin);
    expect(limited.statusCode).toBe(403);
    expect(limited.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    // A fresh sign-in is limited the same way.
    const relogged = await post('/api/v1/auth/login', { email: admin.email, password: PASSWORD });
    expect((await members({ ...admin, token: relogged.json().accessToken })).statusCode).toBe(403);
    const status = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/mfa',
      headers: bearer(admin.token),
    });
    expect(status.json()).toMatchObject({ enabled: false, enrolmentRequired: true });
    expect((await members(agent)).statusCode).toBe(200);
    expect((await members(owner)).statusCode).toBe(200);

    await enrol(admin);
    expect((await members(admin)).statusCode).toBe(200);
    expect(await auditActions(owner)).toContain('settings.security_updated');
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/settings/security',
      headers: bearer(owner.token),
    });
    expect(read.json()).toEqual({ mfaRequiredForAdmins: true });
    void ownerAuth;
  });
});
