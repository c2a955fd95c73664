import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createCrmConnector,
  MalformedPayloadError,
  parseHubspotWebhook,
  verifyHubspotSignatureV3,
} from '../../src/index.ts';
import { connect, startCrmWorld } from './world.ts';

// platform-contracts.md §7.6 / §13 vector 11.
const VECTOR = {
  secret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
  method: 'POST',
  url: 'https://www.example.com/webhook_uri',
  body: '{"example_field":"example_value"}',
  timestamp: '1700000000000',
  signature: 'rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o=',
  now: 1_700_000_000_000 + 1_000,
};

describe('HubSpot v3 webhook signature', () => {
  it('accepts the published test vector, from the raw bytes or a string', () => {
    expect(verifyHubspotSignatureV3(VECTOR)).toBe(true);
    expect(verifyHubspotSignatureV3({ ...VECTOR, body: Buffer.from(VECTOR.body) })).toBe(true);
  });

  it('refuses a stale or future timestamp outside the five-minute window', () => {
    expect(verifyHubspotSignatureV3({ ...VECTOR, now: 1_700_000_000_000 + 300_000 })).toBe(true);
    expect(verifyHubspotSignatureV3({ ...VECTOR, now: 1_700_000_000_000 + 300_001 })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, now: 1_700_000_000_000 - 300_001 })).toBe(false);
  });

  it('refuses a changed byte, re-serialised JSON, another URL or secret, and bad headers without throwing', () => {
    expect(verifyHubspotSignatureV3({ ...VECTOR, body: '{"example_field":"example_valuE"}' })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, body: '{ "example_field": "example_value" }' })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, url: 'https://www.example.com/webhook_uri?x=1' })).toBe(
      false,
    );
    expect(verifyHubspotSignatureV3({ ...VECTOR, secret: 'zzzzzzzz-yyyy-yyyy-yyyy-yyyyyyyyyyyy' })).toBe(
      false,
    );
    expect(verifyHubspotSignatureV3({ ...VECTOR, signature: undefined })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, timestamp: undefined })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, timestamp: 'soon' })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, signature: 'short' })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, signature: `sha256=${VECTOR.signature}` })).toBe(false);
    expect(verifyHubspotSignatureV3({ ...VECTOR, secret: '' })).toBe(false);
  });
});

describe('HubSpot webhook events', () => {
  const event = (over: object) => ({
    eventId: 100,
    subscriptionId: 1001,
    portalId: 24681357,
    appId: 3141592,
    occurredAt: 1_785_000_000_000,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: 1000001,
    propertyName: 'hs_lead_status',
    propertyValue: 'CONNECTED',
    changeSource: 'CRM_UI',
    ...over,
  });

  it('reads lead-status and owner changes and skips everything else', () => {
    const changes = parseHubspotWebhook([
      event({}),
      event({ eventId: 101, propertyName: 'hubspot_owner_id', propertyValue: '71000002' }),
      event({ eventId: 102, propertyName: 'firstname', propertyValue: 'Jane' }),
      event({ eventId: 103, subscriptionType: 'contact.creation', propertyName: undefined }),
      event({ eventId: 104, propertyName: 'hubspot_owner_id', propertyValue: '' }),
    ]);
    expect(changes).toEqual([
      {
        recordId: '1000001',
        status: 'CONNECTED',
        changedAt: new Date(1_785_000_000_000),
        portalId: '24681357',
        eventId: '100',
      },
      {
        recordId: '1000001',
        owner: '71000002',
        changedAt: new Date(1_785_000_000_000),
        portalId: '24681357',
        eventId: '101',
      },
      {
        recordId: '1000001',
        owner: '',
        changedAt: new Date(1_785_000_000_000),
        portalId: '24681357',
        eventId: '104',
      },
    ]);
  });

  it('refuses a body that is not an array of HubSpot events', () => {
    expect(() => parseHubspotWebhook({ events: [] })).toThrow(MalformedPayloadError);
    expect(() => parseHubspotWebhook([{ hello: 'world' }])).toThrow(MalformedPayloadError);
    expect(parseHubspotWebhook([])).toEqual([]);
  });
});

type Received = { url: string; headers: IncomingHttpHeaders; raw: Buffer };

describe('HubSpot sandbox webhook', () => {
  it('delivers a v3-signed event the verifier accepts when a salesperson changes a contact', async () => {
    const received: Received[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const world = await startCrmWorld({ hubspotWebhookPath: '/webhooks/crm/hubspot' }, target);
    try {
      const { creds } = await connect(world, 'hubspot', '24681357');
      const crm = await createCrmConnector('hubspot', creds, world.app('hubspot'));
      const [lead] = await crm.upsert([
        { externalKey: 'c-1', email: 'jane@example.com', fields: { hs_lead_status: 'NEW' } },
      ]);
      if (!lead?.ok) throw new Error('upsert failed');
      expect(received).toEqual([]); // ReplyForce's own writes do not echo back
      await world.server.sandbox.crm.change('hubspot', '24681357', lead.recordId, {
        status: 'CONNECTED',
        owner: '71000002',
      });

      expect(received).toHaveLength(1);
      const [hook] = received as [Received];
      expect(hook.url).toBe('/webhooks/crm/hubspot');
      const verified = verifyHubspotSignatureV3({
        secret: world.app('hubspot').clientSecret,
        method: 'POST',
        url: `${target}/webhooks/crm/hubspot`,
        body: hook.raw,
        timestamp: hook.headers['x-hubspot-request-timestamp'] as string,
        signature: hook.headers['x-hubspot-signature-v3'] as string,
      });
      expect(verified).toBe(true);
      const changes = parseHubspotWebhook(JSON.parse(hook.raw.toString('utf8')));
      expect(changes).toHaveLength(2);
      expect(changes).toContainEqual(
        expect.objectContaining({ recordId: lead.recordId, status: 'CONNECTED', portalId: '24681357' }),
      );
      expect(changes).toContainEqual(
        expect.objectContaining({ recordId: lead.recordId, owner: '71000002', portalId: '24681357' }),
      );
      expect(new Set(changes.map((c) => c.eventId)).size).toBe(2);
    } finally {
      await world.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
