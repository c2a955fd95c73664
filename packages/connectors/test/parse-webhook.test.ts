import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parseWebhook } from '../src/index.ts';
import { fixture } from './helpers/fixtures.ts';

describe('parseWebhook', () => {
  it('dispatches each receiver segment to its platform parser', () => {
    expect(parseWebhook('facebook', fixture('facebook-message')).events[0]?.kind).toBe('message');
    expect(parseWebhook('instagram', fixture('instagram-comment')).events[0]?.kind).toBe('comment');
    expect(parseWebhook('whatsapp', fixture('whatsapp-statuses')).events[0]?.kind).toBe('status');
    expect(parseWebhook('twitter', fixture('x-mention')).events[0]?.kind).toBe('comment');
  });

  it('refuses a payload posted to the wrong receiver', () => {
    expect(() => parseWebhook('instagram', fixture('facebook-message'))).toThrow(MalformedPayloadError);
    expect(() => parseWebhook('facebook', fixture('whatsapp-message'))).toThrow(/expected "page"/);
  });
});
