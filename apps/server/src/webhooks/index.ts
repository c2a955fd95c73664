import {
  MalformedPayloadError,
  metaVerifyChallenge,
  type Platform,
  parseWebhook,
  verifyMetaSignature,
  verifyXSignature,
  xCrcResponseToken,
} from '@replyforce/connectors';
import {
  AppError,
  type CoreDeps,
  dispatchInboundEvents,
  type StoredEvent,
  storeWebhookEvents,
} from '@replyforce/core';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Counter, type Registry } from 'prom-client';

const SEGMENTS = [
  { segment: 'facebook', platform: 'facebook' },
  { segment: 'instagram', platform: 'instagram' },
  { segment: 'whatsapp', platform: 'whatsapp' },
  { segment: 'twitter', platform: 'x' },
] as const satisfies readonly { segment: string; platform: Platform }[];

/**
 * The webhook receivers (ARCHITECTURE.md, the message path): verify the signature over the raw
 * bytes, parse, store every event durably, answer 200 — and only then hand the events to the
 * inbound queue. Nothing else happens here; a slow receiver makes platforms retry and disable us.
 */
export function webhookRoutes(deps: CoreDeps, registry: Registry): FastifyPluginAsync {
  const received = new Counter({
    name: 'replyforce_webhook_deliveries_total',
    help: 'Webhook deliveries by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const events = new Counter({
    name: 'replyforce_webhook_events_total',
    help: 'Events in webhook deliveries by platform and outcome (stored, duplicate, unknown_account, stale)',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const { channels: ch } = deps.config;

  // Events stored by a request, dispatched once its response has gone out.
  const toDispatch = new WeakMap<FastifyRequest, StoredEvent[]>();
  const dispatchAfterResponse = async (request: FastifyRequest) => {
    const stored = toDispatch.get(request);
    if (!stored) return;
    dispatchInboundEvents(deps, stored).catch((err) =>
      request.log.warn(
        { err: err instanceof Error ? err.message : err },
        'inbound dispatch failed; the sweeper will retry',
      ),
    );
  };

  return async (app: FastifyInstance) => {
    // Signatures cover the exact bytes received, so the body stays a Buffer until verified.
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    for (const { segment, platform } of SEGMENTS) {
      const isX = platform === 'x';

      app.get(`/${segment}`, { schema: { hide: true } }, async (request: FastifyRequest, reply) => {
        const query = request.query as Record<string, unknown>;
        if (isX) {
          const token = query.crc_token;
          if (typeof token !== 'string' || token.length === 0 || token.length > 1024)
            throw new AppError('VALIDATION_FAILED', 'Expected a crc_token query parameter');
          return { response_token: xCrcResponseToken(token, ch.xConsumerSecret) };
        }
        const challenge = metaVerifyChallenge(query, ch.metaVerifyToken);
        if (challenge === undefined) {
          received.inc({ platform, outcome: 'verify_refused' });
          throw new AppError('FORBIDDEN', 'The verify token does not match');
        }
        return reply.type('text/plain').send(challenge);
      });

      app.post(
        `/${segment}`,
        { schema: { hide: true }, onResponse: dispatchAfterResponse },
        async (request, reply) => {
          const raw = request.body;
          if (!Buffer.isBuffer(raw)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
          const valid = isX
            ? verifyXSignature(raw, header(request, 'x-twitter-webhooks-signature'), ch.xConsumerSecret)
            : verifyMetaSignature(raw, header(request, 'x-hub-signature-256'), ch.metaAppSecret);
          if (!valid) {
            received.inc({ platform, outcome: 'bad_signature' });
            request.log.warn({ platform }, 'webhook signature rejected');
            throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The signature does not match the body');
          }
          let body: unknown;
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            received.inc({ platform, outcome: 'malformed' });
            throw new AppError('MALFORMED_JSON', 'The body is not valid JSON');
          }
          let parsed: ReturnType<typeof parseWebhook>;
          try {
            parsed = parseWebhook(segment, body);
          } catch (err) {
            if (!(err instanceof MalformedPayloadError)) throw err;
            received.inc({ platform, outcome: 'malformed' });
            throw new AppError('VALIDATION_FAILED', `Not a ${platform} webhook: ${err.message}`);
          }
          const result = await storeWebhookEvents(deps, platform, parsed.events);
          events.inc({ platform, outcome: 'stored' }, result.stored.length);
          events.inc({ platform, outcome: 'duplicate' }, result.duplicates);
          events.inc({ platform, outcome: 'stale' }, result.stale);
          if (result.unknownAccounts.length > 0) {
            events.inc({ platform, outcome: 'unknown_account' }, result.unknownAccounts.length);
            request.log.warn(
              { platform, accounts: result.unknownAccounts },
              'webhook for an account no workspace has connected',
            );
          }
          if (result.stale > 0 && result.stale === parsed.events.length) {
            received.inc({ platform, outcome: 'stale' });
            throw new AppError('WEBHOOK_STALE', 'Every event is outside the replay window');
          }
          received.inc({ platform, outcome: 'accepted' });
          // Stored: the platform may have its 200 now. The dispatch follows; if it is lost, the sweeper
          // finds the events still pending.
          if (result.stored.length > 0) toDispatch.set(request, result.stored);
          return reply.type('text/plain').send('EVENT_RECEIVED');
        },
      );
    }
  };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
