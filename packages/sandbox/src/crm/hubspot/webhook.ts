/**
 * HubSpot's webhooks for the sync-back: `contact.propertyChange` events for hs_lead_status and
 * hubspot_owner_id, POSTed as a JSON array with the v3 signature (§7.6): base64 HMAC-SHA256 with
 * the app's client secret over method + URL + body + timestamp, `X-HubSpot-Request-Timestamp` in ms.
 * Each retry is signed afresh, with its attemptNumber.
 */
import { createHmac } from 'node:crypto';
import type { Poster } from '../../webhooks/http-post.ts';
import type { CrmContext } from '../context.ts';
import type { CrmAccount, CrmRecord } from '../types.ts';
import { HUBSPOT_APP_ID } from './spec.ts';

export const SUBSCRIPTIONS: Record<string, number> = { hs_lead_status: 1001, hubspot_owner_id: 1002 };

export type WebhookDelivery = { url: string; status: number | null; delivered: boolean; eventIds: number[] };

let nextEventId = 1;

export function signV3(secret: string, method: string, url: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${method}${url}${body}${timestamp}`).digest('base64');
}

/** POSTs the events for the changed properties; retries on failure after the sandbox's delivery delays. */
export async function deliverPropertyChanges(
  c: CrmContext,
  poster: Poster,
  account: CrmAccount,
  record: CrmRecord,
  changed: string[],
): Promise<WebhookDelivery | undefined> {
  const path = c.opts.hubspotWebhookPath;
  const props = changed.filter((p) => SUBSCRIPTIONS[p] !== undefined);
  if (path === null || props.length === 0) return undefined;
  const url = `${c.sandbox.opts.target()}${path}`;
  const occurredAt = record.updatedAt;
  const events = props.map((propertyName) => ({
    eventId: nextEventId++,
    subscriptionId: SUBSCRIPTIONS[propertyName],
    portalId: Number(account.id),
    appId: HUBSPOT_APP_ID,
    occurredAt,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: Number(record.id),
    propertyName,
    propertyValue: record.values[propertyName] ?? '',
    changeSource: 'CRM_UI',
    sourceId: `userId:${account.owners[0]?.id ?? '1'}`,
  }));
  const secret = c.opts.apps.hubspot.clientSecret;
  const attempt = async (n: number): Promise<{ status: number | null; delivered: boolean }> => {
    const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber: n })));
    const timestamp = c.now();
    const result = await poster.post(
      url,
      {
        'content-type': 'application/json',
        'user-agent': 'HubSpot Connect 2.0 (sandbox)',
        'x-hubspot-signature-version': 'v3',
        'x-hubspot-signature-v3': signV3(secret, 'POST', url, body, timestamp),
        'x-hubspot-request-timestamp': String(timestamp),
      },
      body,
    );
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    const delay = c.sandbox.opts.deliveryRetryDelaysMs[n];
    if (!delivered && delay !== undefined) c.sandbox.timers.after(delay, () => void attempt(n + 1));
    return { status: result.status, delivered };
  };
  const first = await attempt(0);
  return { url, ...first, eventIds: events.map((e) => e.eventId) };
}
