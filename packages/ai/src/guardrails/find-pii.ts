/**
 * Personal data in a message: emails, phone numbers, payment card numbers (Luhn and a card
 * network's prefix and length), US social security numbers (never-issued ranges excluded) and
 * IBANs (ISO 13616 mod-97). Spans are UTF-16 offsets into the text, in order, never overlapping:
 * where two kinds claim the same characters the more specific wins (an IBAN over the phone number
 * its digits resemble).
 */

import { cardNumberPlausible, ibanLength, ibanValid, luhnValid, ssnValid } from './pii-checks.ts';
import { around, isReference } from './pii-context.ts';
import { findPhones } from './pii-phone.ts';
import type { PiiSpan, PiiType } from './schema.ts';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,63})@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|@)/gu;
const CARD = /(?<![\p{L}\p{N}.,-])\d{2,6}(?:[ -]?\d{1,6}){1,8}(?![\p{L}\p{N}]|[.,]\d)/gu;
const SSN = /(?<![\p{L}\p{N}-])(\d{3})-(\d{2})-(\d{4})(?![\p{L}\p{N}]|-\d)/gu;
const SSN_SPACED = /\b(?:ssn|social security(?: number| no\.?)?)\W{0,3}(\d{3}) (\d{2}) (\d{4})(?!\d)/giu;
const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/gu;

/** Most specific first: the order that settles overlaps. */
const PRIORITY: PiiType[] = ['email', 'iban', 'credit_card', 'ssn', 'phone'];

function findCards(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(CARD)) {
    let value = m[0];
    // "4111 1111 1111 1111 12 25" (expiry after the number): retried without trailing groups.
    while (value.replace(/\D/g, '').length >= 13) {
      const digits = value.replace(/\D/g, '');
      const separators = new Set(value.match(/[ -]/g) ?? []);
      if (
        digits.length <= 19 &&
        separators.size <= 1 &&
        luhnValid(digits) &&
        cardNumberPlausible(digits) &&
        !isReference(around(text, m.index, m.index + value.length).before)
      ) {
        out.push({ type: 'credit_card', start: m.index, end: m.index + value.length, value });
        break;
      }
      const cut = value.search(/[ -]\d+$/);
      if (cut <= 0) break;
      value = value.slice(0, cut);
    }
  }
  return out;
}

function findIbans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(IBAN)) {
    // Offsets of each IBAN character in the match, so a compact prefix maps back to the text.
    const positions: number[] = [];
    for (let i = 0; i < m[0].length; i++) if (m[0][i] !== ' ') positions.push(i);
    const compact = m[0].replace(/ /g, '').toUpperCase();
    // Only countries with a known IBAN length: "JD0123…" is a parcel number, not a bank account.
    const length = ibanLength(compact.slice(0, 2));
    if (length === undefined || length > compact.length || !ibanValid(compact.slice(0, length))) continue;
    const end = m.index + (positions[length - 1] ?? 0) + 1;
    out.push({ type: 'iban', start: m.index, end, value: text.slice(m.index, end) });
  }
  return out;
}

function findSsns(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const re of [SSN, SSN_SPACED]) {
    for (const m of text.matchAll(re)) {
      const [, area = '', group = '', serial = ''] = m;
      if (!ssnValid(area, group, serial)) continue;
      const value = `${area}${m[0].includes('-') ? '-' : ' '}${group}${m[0].includes('-') ? '-' : ' '}${serial}`;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ type: 'ssn', start, end: start + value.length, value });
    }
  }
  return out;
}

export function findPii(text: string): PiiSpan[] {
  const found: PiiSpan[] = [
    ...[...text.matchAll(EMAIL)].map((m) => ({
      type: 'email' as const,
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
    })),
    ...findIbans(text),
    ...findCards(text),
    ...findSsns(text),
    ...findPhones(text).map((s) => ({ type: 'phone' as const, ...s })),
  ];
  found.sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || a.start - b.start);
  const claimed = new Uint8Array(text.length);
  const kept: PiiSpan[] = [];
  for (const span of found) {
    if (claimed.subarray(span.start, span.end).includes(1)) continue;
    claimed.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
