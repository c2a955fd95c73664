import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerWorkspace } from './helpers/api.ts';
import { databaseKinds } from './helpers/databases.ts';
import { redisAvailable, TEST_REDIS_URL } from './helpers/redis.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe.each(await databaseKinds())('operations endpoints on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t?.close());

  it('healthz answers while the process lives; readyz checks the database', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'not_configured' } });
  });

  it('exposes Prometheus metrics: latency by route, in-flight requests, the database pool', async () => {
    const s = await registerWorkspace(t.app);
    await t.app.inject({ method: 'GET', url: '/api/v1/team/members', headers: bearer(s.token) });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/team\/members",status_code="200"\} 1/,
    );
    expect(res.body).toContain('http_requests_in_flight');
    expect(res.body).toMatch(/db_pool_connections\{state="total"\} \d+/);
    expect(res.body).toContain('process_resident_memory_bytes');
  });

  it('serves the OpenAPI 3 document and a browsable page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/register', '/api/v1/team/invitations', '/api/v1/audit-logs']),
    );
    expect(
      doc.paths['/api/v1/auth/register'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('tenantName');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('readyz answers 503 when the database is gone', async () => {
    const broken = await createTestApp(kind);
    await broken.deps.db.close();
    const res = await broken.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database).toBe('down');
    await broken.app.close();
  });
});

describe('metrics token', () => {
  it('protects /metrics when METRICS_TOKEN is set', async () => {
    const t = await createTestApp('pglite', { METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      const ok = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: bearer('metrics-token-0123456789'),
      });
      expect(ok.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(await redisAvailable())('readiness with Redis', () => {
  it('reports Redis when REDIS_URL is configured', async () => {
    const t = await createTestApp('pglite', { REDIS_URL: TEST_REDIS_URL });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    } finally {
      await t.close();
    }
  });
});
