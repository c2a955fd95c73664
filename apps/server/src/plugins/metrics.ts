import type { CoreDeps } from '@replyforce/core';
import { AppError } from '@replyforce/core';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const STARTED = Symbol('metricsStarted');

/** Prometheus metrics on GET /metrics: request latency by route, in-flight requests, the DB pool. */
export function registerMetrics(app: FastifyInstance, deps: CoreDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'Requests being handled',
    registers: [registry],
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = deps.db.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });

  app.decorateRequest(STARTED, 0);
  app.addHook('onRequest', async (request) => {
    (request as unknown as Record<symbol, number>)[STARTED] = performance.now();
    inFlight.inc();
  });
  app.addHook('onResponse', async (request, reply) => {
    const started = (request as unknown as Record<symbol, number>)[STARTED] ?? performance.now();
    inFlight.dec();
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      (performance.now() - started) / 1000,
    );
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const token = deps.config.http.metricsToken;
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      throw new AppError('UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}
