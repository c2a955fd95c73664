import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPii } from '../src/guardrails/find-pii.ts';
import { ibanValid, luhnValid, ssnValid } from '../src/guardrails/pii-checks.ts';
import { scorePiiSpans } from '../src/guardrails/pii-scoring.ts';
import { redactPii } from '../src/guardrails/redact-pii.ts';
import { PiiSpan } from '../src/guardrails/schema.ts';

const kinds = (text: string) => findPii(text).map((s) => [s.type, s.value]);

describe('findPii', () => {
  it('finds emails', () => {
    expect(kinds('Email me at john.doe+shop@example.co.uk.')).toEqual([
      ['email', 'john.doe+shop@example.co.uk'],
    ]);
    expect(kinds('correo: josé.garcía@correo.es')).toEqual([['email', 'josé.garcía@correo.es']]);
    expect(kinds('no email @ here, nor a@b')).toEqual([]);
  });

  it('finds phone numbers in international, US and European formats', () => {
    for (const phone of [
      '+44 20 7946 0958',
      '+44 (0)20 7946 0958',
      '(555) 123-4567',
      '555-123-4567',
      '555.123.4567',
      '1-800-555-0199',
      '+1 555 123 4567',
      '+49 30 12345678',
      '0171 1234567',
      '06 12 34 56 78',
      '+33 6 12 34 56 78',
      '+34 612 345 678',
      '612 345 678',
      '+91 98765 43210',
    ]) {
      expect(kinds(`You can reach me on ${phone} after work`), phone).toEqual([['phone', phone]]);
      expect(kinds(`${phone} is best`), phone).toEqual([['phone', phone]]);
    }
    expect(kinds('call me on 5551234567')).toEqual([['phone', '5551234567']]);
  });

  it('leaves dates, prices, order and tracking numbers, years and times alone', () => {
    for (const text of [
      'order #123456789 placed on 12/03/2024 for $1,299.99 at 10:30',
      'Order number 4532015112830366 was cancelled',
      'tracking number 9400 1000 0000 0000 0000 00',
      'tracking 1Z999AA10123456784 and 782-4118473-0028050',
      'sizes 38 40 42 44 and years 2019-2020, invoice 1234567',
      'ordered on 2024-03-15, delivered 15.03.2024, paid 1.299,00 €',
      'Bestellung 123 456 789 vom 3. März',
      'I have 1200 followers and bought 3 x 250 ml',
      'the price went from 129 990 to 99 990 EUR',
      'postcode 75008 Paris, SKU 884-221-09',
    ]) {
      expect(findPii(text), text).toEqual([]);
    }
  });

  it('finds card numbers only when Luhn-valid and shaped like a card', () => {
    expect(kinds('card 4111 1111 1111 1111 exp 12/25')).toEqual([['credit_card', '4111 1111 1111 1111']]);
    expect(kinds('amex 3782-822463-10005')).toEqual([['credit_card', '3782-822463-10005']]);
    expect(kinds('plain 5555555555554444.')).toEqual([['credit_card', '5555555555554444']]);
    expect(kinds('card 4111 1111 1111 1112')).toEqual([]);
    expect(kinds('card 1234 5678 9012 3452')).toEqual([]);
  });

  it('finds SSNs outside the ranges never issued', () => {
    expect(kinds('My SSN is 123-45-6789')).toEqual([['ssn', '123-45-6789']]);
    expect(kinds('social security number 123 45 6789')).toEqual([['ssn', '123 45 6789']]);
    for (const bad of ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000']) {
      expect(findPii(`ssn ${bad}`), bad).toEqual([]);
    }
  });

  it('finds IBANs that pass mod-97', () => {
    expect(kinds('IBAN DE89 3704 0044 0532 0130 00 please')).toEqual([
      ['iban', 'DE89 3704 0044 0532 0130 00'],
    ]);
    expect(kinds('GB29NWBK60161331926819 thanks')).toEqual([['iban', 'GB29NWBK60161331926819']]);
    expect(kinds('IBAN DE89 3704 0044 0532 0130 01')).toEqual([]);
  });

  it('returns exact, ordered, non-overlapping spans on odd input', () => {
    const inputs = [
      '',
      '😀📞 +44 20 7946 0958 😀',
      'اتصل بي على +971 50 123 4567',
      'मेरा नंबर +91 98765 43210 है',
      'x'.repeat(10_000),
    ];
    inputs.push(`${'lorem ipsum 12 34 '.repeat(500)} mail me: a.b@example.com`);
    for (const text of inputs) {
      const spans = findPii(text);
      let last = 0;
      for (const span of spans) {
        PiiSpan.parse(span);
        expect(text.slice(span.start, span.end)).toBe(span.value);
        expect(span.start).toBeGreaterThanOrEqual(last);
        last = span.end;
      }
    }
    expect(kinds('اتصل بي على +971 50 123 4567')).toEqual([['phone', '+971 50 123 4567']]);
  });
});

describe('redactPii', () => {
  it('replaces each span with its type', () => {
    expect(redactPii('Mail jane@example.com or call (555) 123-4567, card 4111-1111-1111-1111.')).toBe(
      'Mail [email] or call [phone], card [credit_card].',
    );
    expect(redactPii('IBAN DE89370400440532013000, SSN 123-45-6789')).toBe('IBAN [iban], SSN [ssn]');
    expect(redactPii('nothing personal here')).toBe('nothing personal here');
    expect(redactPii('')).toBe('');
  });
});

describe('check digits', () => {
  it('agree with published test numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(ibanValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
    expect(ibanValid('NL91ABNA0417164301')).toBe(false);
    expect(ssnValid('078', '05', '1120')).toBe(true);
  });
});

describe('the realistic fixture', () => {
  it('meets recall ≥ 95 % and precision ≥ 90 % for emails, cards and phones', () => {
    const url = new URL('./fixtures/pii-realistic.jsonl', import.meta.url);
    const rows = readFileSync(url, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { text: string; spans: PiiSpan[] });
    expect(rows.length).toBeGreaterThanOrEqual(500);
    const scores = scorePiiSpans(rows.map((r) => ({ gold: r.spans, found: findPii(r.text) })));
    for (const type of ['email', 'credit_card', 'phone'] as const) {
      expect(scores[type].recall, type).toBeGreaterThanOrEqual(0.95);
      expect(scores[type].precision, type).toBeGreaterThanOrEqual(0.9);
    }
  });
});
