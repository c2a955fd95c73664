/**
 * HubSpot webhooks for the sync-back (§7.6): the v3 signature, and the events that matter to a
 * lead (its contact's lead status or owner changed). No SDK here: the webhook receiver imports it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { MalformedPayloadError } from '../../errors.ts';
import type { CrmRecordChange } from '../types.ts';

/** HubSpot's replay window: a request older than five minutes is refused. */
export const HUBSPOT_REPLAY_WINDOW_MS = 300_000;

export type HubspotSignatureInput = {
  /** The app's client secret. */
  secret: string;
  method: string;
  /** The full URL HubSpot called, exactly as configured in the app (scheme, host, path, query). */
  url: string;
  /** The raw body bytes as received. */
  body: Buffer | string;
  /** `X-HubSpot-Request-Timestamp` (epoch ms). */
  timestamp: string | undefined;
  /** `X-HubSpot-Signature-v3`. */
  signature: string | undefined;
  now?: number;
};

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * v3: base64(HMAC-SHA256(secret, method + url + body + timestamp)). False for a missing or stale
 * timestamp, a malformed header or a mismatch; never throws on bad input.
 */
export function verifyHubspotSignatureV3(input: HubspotSignatureInput): boolean {
  const { secret, method, url, body, timestamp, signature, now = Date.now() } = input;
  if (!secret || !timestamp || !/^\d{1,16}$/.test(timestamp) || !signature || !BASE64_SHA256.test(signature))
    return false;
  const age = now - Number(timestamp);
  if (age > HUBSPOT_REPLAY_WINDOW_MS || age < -HUBSPOT_REPLAY_WINDOW_MS) return false;
  const expected = createHmac('sha256', secret)
    .update(method.toUpperCase())
    .update(url)
    .update(body)
    .update(timestamp)
    .digest();
  // Equal lengths are guaranteed by the pattern above; digest both sides anyway so timing says nothing.
  const a = createHash('sha256').update(Buffer.from(signature, 'base64')).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const Event = z.looseObject({
  eventId: z.union([z.number(), z.string()]),
  portalId: z.union([z.number(), z.string()]),
  occurredAt: z.number(),
  subscriptionType: z.string(),
  objectId: z.union([z.number(), z.string()]).optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
});

/** A change plus what the receiver needs: the portal (which connection) and the event id (dedupe). */
export type HubspotWebhookChange = CrmRecordChange & { portalId: string; eventId: string };

const WATCHED: Record<string, 'status' | 'owner'> = { hs_lead_status: 'status', hubspot_owner_id: 'owner' };
const PROPERTY_CHANGE = new Set(['contact.propertyChange', 'object.propertyChange']);

/**
 * The lead-status and owner changes in a delivery (an array of events). Other events and other
 * properties are skipped; an empty value means the field was cleared (`''`).
 */
export function parseHubspotWebhook(body: unknown): HubspotWebhookChange[] {
  if (!Array.isArray(body))
    throw new MalformedPayloadError('hubspot webhook: body is not a JSON array of events');
  const out: HubspotWebhookChange[] = [];
  body.forEach((raw, i) => {
    const parsed = Event.safeParse(raw);
    if (!parsed.success)
      throw new MalformedPayloadError(`hubspot webhook: event ${i} is not a HubSpot event`);
    const e = parsed.data;
    const field = e.propertyName ? WATCHED[e.propertyName] : undefined;
    if (!PROPERTY_CHANGE.has(e.subscriptionType) || !field || e.objectId === undefined) return;
    out.push({
      recordId: String(e.objectId),
      [field]: e.propertyValue ?? '',
      changedAt: new Date(e.occurredAt),
      portalId: String(e.portalId),
      eventId: String(e.eventId),
    });
  });
  return out;
}
