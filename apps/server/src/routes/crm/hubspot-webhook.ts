import { MalformedPayloadError } from '@replyforce/connectors';
// The webhook helpers only (no SDK): the API process must not load the vendor clients.
import {
  type HubspotWebhookChange,
  parseHubspotWebhook,
  verifyHubspotSignatureV3,
} from '@replyforce/connectors/crm/hubspot/webhook.ts';
import { AppError, applyCrmWebhookChanges, type CoreDeps } from '@replyforce/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/**
 * POST /webhooks/crm/hubspot: HubSpot tells us a contact's lead status or owner changed (v3
 * signature over method, URL, raw body and timestamp; stale timestamps refused). The change is
 * applied in this request: it is one idempotent update per event that also ignores anything older
 * than what the lead shows, so a redelivery or an out-of-order event changes nothing, and there is
 * no later work for a queue to do. A bad signature changes nothing and answers 401.
 */
export function hubspotWebhookRoutes(deps: CoreDeps): FastifyPluginAsync {
  const app = deps.config.crm.apps.hubspot;
  return async (scope: FastifyInstance) => {
    // The signature covers the exact bytes: the body stays a Buffer until verified.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    scope.post('/hubspot', { schema: { hide: true } }, async (request, reply) => {
      const raw = request.body;
      if (!Buffer.isBuffer(raw)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
      const header = (name: string) => {
        const v = request.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const valid =
        app.configured &&
        verifyHubspotSignatureV3({
          secret: app.clientSecret,
          method: request.method,
          url: `${deps.config.publicUrl}${request.url}`,
          body: raw,
          timestamp: header('x-hubspot-request-timestamp'),
          signature: header('x-hubspot-signature-v3'),
        });
      if (!valid) {
        request.log.warn('HubSpot webhook signature rejected');
        throw new AppError('WEBHOOK_SIGNATURE_INVALID', 'The signature does not match the body');
      }
      let changes: HubspotWebhookChange[];
      try {
        changes = parseHubspotWebhook(JSON.parse(raw.toString('utf8')));
      } catch (err) {
        if (err instanceof SyntaxError) throw new AppError('MALFORMED_JSON', 'The body is not valid JSON');
        if (err instanceof MalformedPayloadError) throw new AppError('VALIDATION_FAILED', err.message);
        throw err;
      }
      const byPortal = new Map<string, HubspotWebhookChange[]>();
      for (const c of changes) byPortal.set(c.portalId, [...(byPortal.get(c.portalId) ?? []), c]);
      for (const [portalId, list] of byPortal) await applyCrmWebhookChanges(deps, 'hubspot', portalId, list);
      return reply.status(204).send();
    });
  };
}
