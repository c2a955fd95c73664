/**
 * Phone numbers in free text: international (+44 20 7946 0958, 0049 30 1234567), North American
 * ((555) 123-4567, 555.123.4567) and European national formats with a trunk 0 (06 12 34 56 78,
 * 030 1234567, 0171-1234567, 612 345 678). A bare run of digits counts only with a phone word before it
 * ("call me on 5551234567"), since order numbers are bare runs too. Dates, year ranges, amounts and
 * references (pii-context.ts) never count.
 */
import { around, isAmount, isReference, saysPhone } from './pii-context.ts';

export type Span = { start: number; end: number; value: string };

const CANDIDATE = /(?<![\p{L}\p{N}#@/._+-])(?:\+|\(\+?)?\d[\d ().\-/\u00a0]{4,24}\d(?![\p{L}\p{N}]|[.,]\d)/gu;
const GROUP = /\d+/g;
const DATE = /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/;
const YEAR_RANGE = /^(?:19|20)\d\d\s?[-/]\s?(?:19|20)?\d\d$/;
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
const NORTH_AMERICAN = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const TRUNK_ZERO = /^\(?0[1-9]\d{0,4}\)?(?:[ .\-/]\d{2,8}){1,5}$/;
const BARE_NATIONAL = /^0[1-9]\d{8,9}$/;
/** Spain writes its nine-digit numbers (mobiles 6/7, landlines 8/9) in threes: 612 345 678. */
const SPANISH = /^[6-9]\d{2} \d{3} \d{3}$/;
const INTERNATIONAL = /^(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(0\))?(?:[ .\-/]?\(?\d{1,6}\)?){1,6}$/;

/** Whether `s` (one candidate, trimmed to whole groups) is written like a phone number. */
function phoneShape(s: string, before: string, after: string): boolean {
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/\s{2,}|[-.]{2,}/.test(s)) return false;
  if (DATE.test(s) || YEAR_RANGE.test(s) || SSN_SHAPE.test(s)) return false;
  if (isReference(before) || isAmount(before, after)) return false;
  if (INTERNATIONAL.test(s) && digits.length >= 8) return true;
  if (NORTH_AMERICAN.test(s) || TRUNK_ZERO.test(s) || BARE_NATIONAL.test(s) || SPANISH.test(s)) {
    return digits.length >= 9;
  }
  return saysPhone(before);
}

export function findPhones(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    let value = m[0].replace(/[\s(]+$/, '');
    // A number followed by more digits ("0612345678 2 times") is retried without its last groups.
    while (value !== '') {
      const end = start + value.length;
      const { before, after } = around(text, start, end);
      const balanced = !value.includes(')') || value.includes('(');
      if (balanced && phoneShape(value, before, after)) {
        out.push({ start, end, value });
        break;
      }
      const groups = [...value.matchAll(GROUP)];
      const last = groups.at(-1);
      if (groups.length < 2 || !last) break;
      value = value.slice(0, last.index).replace(/[\s().\-/\u00a0]+$/, '');
    }
  }
  return out;
}
