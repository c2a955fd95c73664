/**
 * Dates and days in English, Spanish, French and German: relative words ("tomorrow", "mañana",
 * "après-demain", "übermorgen"), weekdays with or without "next"/"el próximo"/"prochain"/"nächsten",
 * numeric dates (12/03, 2024-03-15, 15.03.2024) with impossible ones left out ("24/7", "3.5 stars"),
 * and month names with a day ("March 3rd", "3 de marzo", "3 mars", "3. März").
 */
import type { Found } from './entities-money.ts';

const RELATIVE =
  'today|tonight|tomorrow|yesterday|day after tomorrow|this weekend|next weekend|next week|next month|last week|' +
  'pasado mañana|mañana|hoy|ayer|esta semana|la semana que viene|la próxima semana|' +
  "aujourd'hui|après-demain|demain|hier|ce week-end|la semaine prochaine|" +
  'übermorgen|morgen|heute|gestern|nächste woche|nächsten woche|am wochenende';
const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|miercoles|jueves|viernes|' +
  'sábado|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|' +
  'donnerstag|freitag|samstag|sonntag';
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|' +
  'septiembre|octubre|noviembre|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|' +
  'septembre|octobre|novembre|décembre|decembre|januar|februar|märz|maerz|juni|juli|oktober|dezember';
const WEEKDAY_PREFIX = String.raw`(?:(?:next|this|last|on|el próximo|el proximo|este|le|ce|nächsten|naechsten|am|diesen)\s+)?`;
const WEEKDAY_SUFFIX = String.raw`(?:\s+(?:prochain|dernier|que viene))?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|er|\.)?`;

const WORD_DATES = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${RELATIVE}|${WEEKDAY_PREFIX}(?:${WEEKDAYS})${WEEKDAY_SUFFIX}|` +
    String.raw`(?:${MONTHS})\.?\s+${DAY}(?:,?\s+\d{4})?|${DAY}\s+(?:of\s+|de\s+)?(?:${MONTHS})(?:\.?,?\s+(?:de\s+)?\d{4})?)(?![\p{L}\p{N}])`,
  'giu',
);
const NUMERIC_DATES =
  /(?<![\p{L}\p{N}.,/-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?|(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?)(?![\p{L}\p{N}]|[.,/-]\d)/gu;

/** Day and month in either order (12/03 and 03/12 both exist), each in range. */
function plausible(a: number, b: number): boolean {
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

export function findDates(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(WORD_DATES)) {
    // "Guten Morgen" is a greeting, not tomorrow.
    if (/^morgen$/i.test(m[0]) && /guten\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    out.push({ value: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NUMERIC_DATES)) {
    const [, y, isoM, isoD, s1, s2, , d1, d2, dotYear] = m;
    const ok = y
      ? Number(isoM) >= 1 && Number(isoM) <= 12 && Number(isoD) >= 1 && Number(isoD) <= 31
      : s1
        ? // "24/7" is round the clock, "1/2" and "3/4" are fractions.
          m[0] !== '24/7' &&
          (s1.length > 1 || (s2 ?? '').length > 1 || m[6] !== undefined) &&
          plausible(Number(s1), Number(s2))
        : dotYear !== undefined || m[0].endsWith('.')
          ? plausible(Number(d1), Number(d2))
          : false;
    if (ok) out.push({ value: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
