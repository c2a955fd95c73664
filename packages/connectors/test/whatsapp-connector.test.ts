import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AccountRef, createWhatsappConnector } from '../src/index.ts';
import { type FakePlatform, startFakePlatform } from './helpers/fake-platform.ts';
import { rejectionOf } from './helpers/fixtures.ts';

const G = '/graph/v21.0';
const number: AccountRef = {
  accountId: 'phone-1',
  extra: { wabaId: 'waba-1', displayPhoneNumber: '+1 555 0100' },
  credentials: { accessToken: 'biz-token' },
};
const SENT = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '16505551234', wa_id: '16505551234' }],
  messages: [{ id: 'wamid.OUT1' }],
};

describe('WhatsApp connector', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  it('asks for the WhatsApp scopes', () => {
    const url = new URL(
      createWhatsappConnector(fake.context()).authorizeUrl({
        state: 's',
        redirectUri: 'https://r/wa',
        codeChallenge: '',
      }),
    );
    expect(url.searchParams.get('scope')).toBe('whatsapp_business_management,whatsapp_business_messaging');
    expect(url.searchParams.get('client_id')).toBe('app-123');
  });

  it('lists every phone number of every granted WABA, each acting with the user token', async () => {
    fake.routes.set(`GET ${G}/oauth/access_token`, {
      json: { access_token: 'biz-token', token_type: 'bearer' },
    });
    fake.routes.set(`GET ${G}/debug_token`, {
      json: {
        data: {
          app_id: 'app-123',
          is_valid: true,
          granular_scopes: [
            { scope: 'whatsapp_business_messaging', target_ids: ['waba-1'] },
            { scope: 'whatsapp_business_management', target_ids: ['waba-1', 'waba-2'] },
          ],
        },
      },
    });
    fake.routes.set(`GET ${G}/waba-1/phone_numbers`, {
      json: { data: [{ id: 'phone-1', display_phone_number: '+1 555 0100', verified_name: 'Bakery' }] },
    });
    fake.routes.set(`GET ${G}/waba-2/phone_numbers`, {
      json: { data: [{ id: 'phone-2', display_phone_number: '+1 555 0200' }] },
    });
    const accounts = await createWhatsappConnector(fake.context()).exchangeCode({
      code: 'c',
      redirectUri: 'https://r/wa',
      codeVerifier: '',
    });

    expect(fake.calls.map((c) => [c.method, c.path, c.headers.authorization])).toEqual([
      ['GET', `${G}/oauth/access_token`, undefined],
      ['GET', `${G}/debug_token`, undefined],
      ['GET', `${G}/waba-1/phone_numbers`, 'Bearer biz-token'],
      ['GET', `${G}/waba-2/phone_numbers`, 'Bearer biz-token'],
    ]);
    expect(fake.calls[1]?.query).toEqual({
      input_token: 'biz-token',
      access_token: 'app-123|meta-app-secret-xyz',
    });
    expect(accounts).toEqual([
      {
        platform: 'whatsapp',
        accountId: 'phone-1',
        name: 'Bakery',
        extra: { wabaId: 'waba-1', displayPhoneNumber: '+1 555 0100' },
        credentials: { accessToken: 'biz-token' },
      },
      {
        platform: 'whatsapp',
        accountId: 'phone-2',
        name: '+1 555 0200',
        extra: { wabaId: 'waba-2', displayPhoneNumber: '+1 555 0200' },
        credentials: { accessToken: 'biz-token' },
      },
    ]);
  });

  it('subscribes the WABA, checks the number, and disconnects WABA then permissions', async () => {
    fake.routes.set(`POST ${G}/waba-1/subscribed_apps`, { json: { success: true } });
    fake.routes.set(`GET ${G}/phone-1`, { json: { id: 'phone-1', display_phone_number: '+1 555 0100' } });
    fake.routes.set(`DELETE ${G}/waba-1/subscribed_apps`, { json: { success: true } });
    fake.routes.set(`DELETE ${G}/me/permissions`, { json: { success: true } });
    const connector = createWhatsappConnector(fake.context());
    await connector.subscribe(number);
    await connector.checkHealth(number);
    await connector.disconnect(number);
    expect(fake.calls.map((c) => [c.method, c.path, c.query, c.headers.authorization])).toEqual([
      ['POST', `${G}/waba-1/subscribed_apps`, {}, 'Bearer biz-token'],
      ['GET', `${G}/phone-1`, {}, 'Bearer biz-token'],
      ['DELETE', `${G}/waba-1/subscribed_apps`, {}, 'Bearer biz-token'],
      ['DELETE', `${G}/me/permissions`, {}, 'Bearer biz-token'],
    ]);
  });

  it('sends free text quoting the customer message, with our id as callback data', async () => {
    fake.routes.set(`POST ${G}/phone-1/messages`, { json: SENT });
    const result = await createWhatsappConnector(fake.context()).send(number, {
      kind: 'dm',
      recipientId: '16505551234',
      text: 'Yes, in blue too',
      replyToPlatformId: 'wamid.IN1',
      metadata: 'msg_77',
    });
    expect(result).toEqual({ platformMessageId: 'wamid.OUT1' });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer biz-token');
    expect(fake.calls[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: { preview_url: false, body: 'Yes, in blue too' },
      context: { message_id: 'wamid.IN1' },
      biz_opaque_callback_data: 'msg_77',
    });
  });

  it('sends a plain text without context or callback data when none is given', async () => {
    fake.routes.set(`POST ${G}/phone-1/messages`, { json: SENT });
    await createWhatsappConnector(fake.context()).send(number, {
      kind: 'dm',
      recipientId: '1650',
      text: 'Hi',
    });
    expect(fake.calls[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '1650',
      type: 'text',
      text: { preview_url: false, body: 'Hi' },
    });
  });

  it('sends templates with body parameters, and without components when there are none', async () => {
    fake.routes.set(`POST ${G}/phone-1/messages`, { json: SENT });
    const connector = createWhatsappConnector(fake.context());
    await connector.send(number, {
      kind: 'template',
      recipientId: '16505551234',
      name: 'order_update',
      language: 'en_US',
      parameters: ['12345', 'Tuesday'],
      metadata: 'msg_78',
    });
    await connector.send(number, {
      kind: 'template',
      recipientId: '1650',
      name: 'hello',
      language: 'en',
      parameters: [],
    });
    expect(fake.calls[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      biz_opaque_callback_data: 'msg_78',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '12345' },
              { type: 'text', text: 'Tuesday' },
            ],
          },
        ],
      },
    });
    expect(fake.calls[1]?.body).toMatchObject({
      type: 'template',
      template: { name: 'hello', language: { code: 'en' } },
    });
    expect(fake.calls[1]?.body).not.toHaveProperty('template.components');
  });

  it('refuses comment replies and private replies without calling Graph', async () => {
    const connector = createWhatsappConnector(fake.context());
    for (const kind of ['comment_reply', 'private_reply'] as const) {
      expect(await rejectionOf(connector.send(number, { kind, commentId: 'c', text: 't' }))).toMatchObject({
        kind: 'permanent',
      });
    }
    expect(fake.calls).toEqual([]);
  });

  it('lists templates with their body text', async () => {
    fake.routes.set(`GET ${G}/waba-1/message_templates`, {
      json: {
        data: [
          {
            name: 'order_update',
            language: 'en_US',
            status: 'APPROVED',
            category: 'UTILITY',
            components: [
              { type: 'HEADER', format: 'TEXT', text: 'Order' },
              { type: 'BODY', text: 'Order {{1}} ships on {{2}}.' },
            ],
          },
          { name: 'promo', language: 'en', status: 'IN_APPEAL', category: 'MARKETING', components: [] },
        ],
      },
    });
    const templates = await createWhatsappConnector(fake.context()).listTemplates?.(number);
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: `${G}/waba-1/message_templates` });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer biz-token');
    expect(templates).toEqual([
      {
        name: 'order_update',
        language: 'en_US',
        status: 'APPROVED',
        category: 'UTILITY',
        body: 'Order {{1}} ships on {{2}}.',
      },
      { name: 'promo', language: 'en', status: 'PENDING', category: 'MARKETING', body: '' },
    ]);
  });
});
