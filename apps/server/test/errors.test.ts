import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerWorkspace, type Signed } from './helpers/api.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/** The HTTP boundary: every client mistake is a 4xx in one shape, and nothing leaks or changes. */
describe('errors at the boundary', () => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp('pglite', { BODY_LIMIT_BYTES: '4096' });
    admin = await registerWorkspace(t.app);
  });
  afterAll(() => t?.close());

  const expectError = (
    res: { statusCode: number; json(): unknown; body: string },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(res.body).not.toMatch(/\bat .+\.ts:\d+|node_modules|stack/i);
  };

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expectError(res, 400, 'MALFORMED_JSON');
  });

  it('unknown fields → 400 VALIDATION_FAILED naming them, and nothing is created', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        tenantName: 'X Co',
        name: 'X',
        email: 'unknown-field@example.com',
        password: 'long-enough-pw',
        plan: 'enterprise',
      },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain('plan');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'unknown-field@example.com', password: 'long-enough-pw' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('wrong types, short passwords and bad emails → 400 with details per field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { tenantName: 7, name: '', email: 'not-an-email', password: 'short' },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/tenantName', '/email', '/password']));
  });

  it('oversized body → 413 PAYLOAD_TOO_LARGE (limit from BODY_LIMIT_BYTES)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(10_000) },
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('wrong content type → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<login/>',
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('missing or bad auth → 401; unknown route → 404; bad ids and queries → 400', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/team/members' }), 401, 'UNAUTHENTICATED');
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/team/members',
        headers: { authorization: 'Basic abc' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/nope' }), 404, 'ROUTE_NOT_FOUND');
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/team/members/not-a-uuid',
        headers: bearer(admin.token),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit-logs?limit=100000',
        headers: bearer(admin.token),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit-logs?cursor=garbage',
        headers: bearer(admin.token),
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('an unauthenticated caller gets 401 before the body is even parsed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/team/invitations',
      headers: { 'content-type': 'application/json' },
      payload: '{broken',
    });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('hostile strings are data, not code: stored and returned verbatim, never a 500', async () => {
    const hostile = [
      `Robert'); DROP TABLE tenants;--`,
      '<script>alert(1)</script>',
      '\u0000\u202e',
      '𝕏 '.repeat(30),
    ];
    for (const name of hostile) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: {
          tenantName: name.slice(0, 80) || 'x',
          name: name.slice(0, 80),
          email: `h${crypto.randomUUID().slice(0, 6)}@example.com`,
          password: 'long-enough-pw',
        },
      });
      expect([201, 400]).toContain(res.statusCode);
      if (res.statusCode === 201) expect(res.json().tenant.name).toBe(name.slice(0, 80).trim());
    }
    const still = await t.app.inject({
      method: 'GET',
      url: '/api/v1/team/members',
      headers: bearer(admin.token),
    });
    expect(still.statusCode).toBe(200);
  });
});
