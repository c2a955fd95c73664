import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/build-app.ts';
import { bearer, inviteAndReadToken, PASSWORD, registerWorkspace } from './helpers/api.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe('structured logs', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    app = await buildApp({ ...t.deps, config: { ...t.deps.config, logLevel: 'info' } }, { logStream: sink });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('carry request and tenant ids, and never a password, token or cookie', async () => {
    const admin = await registerWorkspace(app);
    const token = await inviteAndReadToken(app, admin, 'logged@example.com', 'agent');
    await app.inject({ method: 'GET', url: `/api/v1/invitations/${encodeURIComponent(token)}` });
    await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'L', password: PASSWORD },
    });
    await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie: admin.cookie } });
    await app.inject({ method: 'GET', url: '/api/v1/team/members', headers: bearer(admin.token) });

    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => typeof l.reqId !== 'string')).toEqual([]);
    expect(lines.some((l) => l.tenantId === admin.session.tenant.id)).toBe(true);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(token);
    expect(text).not.toContain(admin.token);
    expect(text).not.toContain(admin.cookie.split('=')[1]!);
  });
});
