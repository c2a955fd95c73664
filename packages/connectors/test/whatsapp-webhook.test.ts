import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parseWhatsappWebhook } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';

const PHONE_ID = '106540352242922';

function waba(...values: Array<Record<string, unknown>>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: values.map((v) => ({
          field: 'messages',
          value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID }, ...v },
        })),
      },
    ],
  };
}

function inbound(id: string, extra: Record<string, unknown>) {
  return { from: '16505551234', id, timestamp: '1749416383', ...extra };
}

describe('parseWhatsappWebhook', () => {
  it('reads the official text message (§4.1): phone number id, profile name, seconds → ms', () => {
    expect(parseWhatsappWebhook(fixture('whatsapp-message'))).toEqual({
      events: [
        {
          kind: 'message',
          eventId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
          accountId: PHONE_ID,
          timestamp: 1749416383_000,
          customer: { id: '16505551234', name: 'Sheena Nelson', phone: '16505551234' },
          text: 'Does it come in another color?',
          attachments: [],
        },
      ],
      ignored: 0,
    });
  });

  it('reads status callbacks (§4.2) with per-status event ids and mapped errors', () => {
    const { events } = parseWhatsappWebhook(fixture('whatsapp-statuses'));
    expect(events).toEqual([
      {
        kind: 'status',
        eventId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA:delivered',
        accountId: PHONE_ID,
        timestamp: 1750263773_000,
        status: 'delivered',
        customerId: '16505551234',
        platformMessageIds: ['wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA'],
      },
      {
        kind: 'status',
        eventId: 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBJGQjZBRjdDMUE0QjBCOUZFQTMA:failed',
        accountId: PHONE_ID,
        timestamp: 1750263774_000,
        status: 'failed',
        customerId: '16505551234',
        platformMessageIds: ['wamid.HBgLMTY1MDUwNzY1MjAVAgARGBJGQjZBRjdDMUE0QjBCOUZFQTMA'],
        error: {
          code: '131047',
          message:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
      },
    ]);
  });

  it('takes text from captions, interactive replies and buttons, and media as attachments', () => {
    const body = waba({
      contacts: [{ wa_id: '16505551234', profile: { name: 'Sheena' } }],
      messages: [
        inbound('w1', {
          type: 'image',
          image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'this one', sha256: 'x' },
        }),
        inbound('w2', {
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Yes' } },
        }),
        inbound('w3', {
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'l1', title: 'Blue' } },
        }),
        inbound('w4', {
          type: 'button',
          button: { text: 'Stop promotions', payload: 'STOP' },
          context: { id: 'wamid.out' },
        }),
        inbound('w5', { type: 'reaction', reaction: { message_id: 'wamid.out', emoji: '👍' } }),
        inbound('w6', { type: 'unsupported', errors: [{ code: 131051 }] }),
      ],
    });
    const { events, ignored } = parseWhatsappWebhook(body);
    expect(ignored).toBe(1);
    expect(events.map((e) => (e.kind === 'message' ? [e.text, e.attachments, e.replyToId] : e.kind))).toEqual(
      [
        [
          'this one',
          [{ type: 'image', mediaId: 'media-1', mimeType: 'image/jpeg', caption: 'this one' }],
          undefined,
        ],
        ['Yes', [], undefined],
        ['Blue', [], undefined],
        ['Stop promotions', [], 'wamid.out'],
        ['', [{ type: 'unsupported' }], undefined],
      ],
    );
  });

  it('uses the BSUID as the customer id when the phone is hidden', () => {
    const body = waba({
      contacts: [{ user_id: 'US.13491208655302741918', profile: { name: 'Ana', username: 'ana.b' } }],
      messages: [
        {
          user_id: 'US.13491208655302741918',
          id: 'w1',
          timestamp: '1749416383',
          type: 'text',
          text: { body: 'hi' },
        },
      ],
    });
    expect(parseWhatsappWebhook(body).events[0]).toMatchObject({
      kind: 'message',
      customer: { id: 'US.13491208655302741918', name: 'Ana', username: 'ana.b' },
    });
    expect(parseWhatsappWebhook(body).events[0]).not.toHaveProperty('customer.phone');
  });

  it('processes every entry and change of a batch, and ignores non-message fields', () => {
    const one = waba(
      {
        messages: [
          inbound('a', { type: 'text', text: { body: 'a' } }),
          inbound('b', { type: 'text', text: { body: 'b' } }),
        ],
      },
      {
        statuses: [
          { id: 'wamid.x', status: 'sent', timestamp: '1', recipient_id: '1' },
          { id: 'wamid.x', status: 'read', timestamp: '2', recipient_id: '1' },
        ],
      },
    );
    const body = {
      ...one,
      entry: [
        ...one.entry,
        {
          id: 'waba-2',
          changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }],
        },
      ],
    };
    const { events, ignored } = parseWhatsappWebhook(body);
    expect(events.map((e) => e.eventId)).toEqual(['a', 'b', 'wamid.x:sent', 'wamid.x:read']);
    expect(ignored).toBe(1);
  });

  it.each([
    ['not an object', 'nope'],
    ['a Page payload', { object: 'page', entry: [] }],
    [
      'a value without metadata',
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: {} }] }] },
    ],
    ['a message without id', waba({ messages: [{ from: '1', timestamp: '1', type: 'text' }] })],
    [
      'a message with neither phone nor BSUID',
      waba({ messages: [{ id: 'w', timestamp: '1', type: 'text', text: { body: 'x' } }] }),
    ],
  ])('rejects %s with MalformedPayloadError', (_label, body) => {
    expect(() => parseWhatsappWebhook(body)).toThrow(MalformedPayloadError);
  });
});
