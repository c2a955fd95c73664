import { describe, expect, it } from 'vitest';
import type { BrandVoice } from './settings-api.ts';
import { insertVariable, previewTemplate, templateVariables } from './template-preview.ts';

const voice: BrandVoice = {
  tone: 'friendly',
  emoji: 'none',
  maxLength: 480,
  matchCustomerLanguage: true,
  signature: '— The Acme team',
  guidelines: '',
  bannedPhrases: [],
  products: [],
};

describe('reply template preview', () => {
  it('lists each variable once, in order, and names the ones the server refuses', () => {
    expect(
      templateVariables('Hi {{first_name}}, {{ business }} here. Bye {{first_name}} {{order_id}}'),
    ).toEqual({
      used: ['first_name', 'business', 'order_id'],
      unknown: ['order_id'],
    });
    expect(templateVariables('No variables at all')).toEqual({ used: [], unknown: [] });
  });

  it('fills the variables as the customer will read them', () => {
    const body = 'Thanks {{first_name}}! {{ name }}, the {{business}} team will call you.';
    expect(previewTemplate(body, { customerName: 'Jane Doe', businessName: 'Acme Coffee' })).toBe(
      'Thanks Jane! Jane Doe, the Acme Coffee team will call you.',
    );
  });

  it('drops a missing name without leaving a gap before the punctuation', () => {
    expect(previewTemplate('Hello {{first_name}}!', { customerName: '', businessName: 'Acme' })).toBe(
      'Hello!',
    );
  });

  it('shows an unknown variable as the pipeline sends it: left out', () => {
    expect(
      previewTemplate('Order {{order_id}} ships today.', { customerName: 'Jane', businessName: 'A' }),
    ).toBe('Order ships today.');
  });

  it('applies the brand voice: signature and emoji policy', () => {
    expect(
      previewTemplate('Hi {{first_name}} 😊 we got it.', { customerName: 'Jane', businessName: 'A', voice }),
    ).toBe('Hi Jane we got it.\n— The Acme team');
  });

  it('inserts a variable at the caret, replacing a selection', () => {
    expect(insertVariable('Hello !', 'first_name', { start: 6, end: 6 })).toEqual({
      body: 'Hello {{first_name}}!',
      caret: 20,
    });
    expect(insertVariable('Hello NAME!', 'name', { start: 6, end: 10 })).toEqual({
      body: 'Hello {{name}}!',
      caret: 14,
    });
    expect(insertVariable('Thanks', 'business').body).toBe('Thanks{{business}}');
    // A stale selection past the end (the body changed meanwhile) appends.
    expect(insertVariable('Hi', 'name', { start: 40, end: 50 })).toEqual({ body: 'Hi{{name}}', caret: 10 });
  });
});
