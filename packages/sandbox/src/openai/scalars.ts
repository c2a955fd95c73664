import { excerpt, type MessageHints } from './hints.ts';
import { replyText } from './reply-text.ts';
import { asNumber, type Schema } from './schema-walk.ts';

/** Strings, numbers and booleans for one property, chosen by its name and the message's hints. */

const STOPWORDS = new Set(
  'about after again also because been before being could does from have here just like more only other some than that their them then there these they this very want what when where which while will with would your yours'.split(
    ' ',
  ),
);

/** Distinct content words of the message, in order: key phrases, entity values, tags. */
export function keywords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return [
    ...new Set(words.filter((w) => (w.length >= 4 || /[^\p{Script=Latin}\d]/u.test(w)) && !STOPWORDS.has(w))),
  ];
}

export function stringFor(schema: Schema, name: string, hints: MessageHints, index: number): string {
  const n = name.toLowerCase();
  switch (schema.format) {
    case 'email':
      return 'customer@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    case 'date-time':
      return '2025-01-01T00:00:00.000Z';
    case 'date':
      return '2025-01-01';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
  }
  const words = keywords(hints.text);
  if (/lang|locale/.test(n)) return hints.language;
  if (/summary|description|gist/.test(n)) return excerpt(hints.text, 25) || 'An empty message.';
  if (/reply|answer|response|draft|message|text|content|body/.test(n)) return replyText(hints);
  if (/emotion|feeling|mood/.test(n)) return emotions(hints)[index] ?? 'calm';
  if (/signal|flag|reason/.test(n)) return hints.matched[index] ?? `rule ${index + 1}`;
  if (/phrase|keyword|value|term|tag|entity|emotion/.test(n))
    return words[index] ?? `${n || 'item'} ${index + 1}`;
  if (/topic|category|intent|label|kind|type/.test(n)) return hints.matched[0] ?? 'other';
  if (/action/.test(n)) return recommendedAction(hints);
  if (/name/.test(n)) return 'Customer';
  return excerpt(hints.text, 6) || 'n/a';
}

const EMOTIONS: Record<string, string> = {
  complaint: 'frustration',
  not_interested: 'annoyance',
  urgent: 'urgency',
  praise: 'gratitude',
  pricing: 'interest',
  demo: 'curiosity',
};

export function emotions(hints: MessageHints): string[] {
  return hints.matched.flatMap((rule) => EMOTIONS[rule] ?? []);
}

function recommendedAction(hints: MessageHints): string {
  if (hints.matched.includes('complaint')) return 'escalate_to_human';
  if (hints.matched.includes('pricing') || hints.matched.includes('demo'))
    return 'send_pricing_and_book_call';
  if (hints.matched.includes('spam')) return 'ignore';
  return 'reply';
}

/** 0..1: how warm a lead the message reads as (buying words hot, complaints cold). */
function leadFraction(hints: MessageHints): number {
  const m = hints.matched;
  if (m.includes('complaint') || m.includes('not_interested') || m.includes('spam')) return 0.1;
  if (m.includes('pricing') || m.includes('demo')) return m.includes('urgent') ? 0.9 : 0.8;
  if (m.includes('availability') || hints.isQuestion) return 0.55;
  return 0.25;
}

export function numberFor(schema: Schema, name: string, hints: MessageHints, integer: boolean): number {
  const n = name.toLowerCase();
  const step = integer ? 1 : 1e-6;
  const exMin = asNumber(schema.exclusiveMinimum);
  const exMax = asNumber(schema.exclusiveMaximum);
  const lo = asNumber(schema.minimum) ?? (exMin !== undefined ? exMin + step : undefined);
  const hi = asNumber(schema.maximum) ?? (exMax !== undefined ? exMax - step : undefined);
  // p places the value inside [lo, hi]; free is the value when the schema gives no bounds.
  let p = 0.5;
  let free = 0;
  if (/confidence|probability|certainty/.test(n)) [p, free] = [0.8, 0.8];
  else if (/sentiment|polarity/.test(n) || (/score/.test(n) && lo !== undefined && lo < 0))
    [p, free] = [(hints.polarity + 1) / 2, hints.polarity];
  else if (/risk/.test(n)) [p, free] = hints.matched.includes('spam') ? [0.9, 0.9] : [0.05, 0.05];
  else if (/lead|score|rating|temperature/.test(n))
    [p, free] = [leadFraction(hints), Math.round(leadFraction(hints) * 100)];
  let value: number;
  if (lo !== undefined && hi !== undefined) value = lo + p * (hi - lo);
  else if (lo !== undefined) value = Math.max(lo, free);
  else if (hi !== undefined) value = Math.min(hi, free);
  else value = free;
  const multiple = asNumber(schema.multipleOf);
  if (multiple) value = Math.round(value / multiple) * multiple;
  value = integer ? Math.round(value) : Math.round(value * 1000) / 1000;
  if (lo !== undefined && value < lo) value = integer ? Math.ceil(lo) : lo;
  if (hi !== undefined && value > hi) value = integer ? Math.floor(hi) : hi;
  return value;
}

export function booleanFor(name: string, hints: MessageHints): boolean {
  const n = name.toLowerCase();
  const m = hints.matched;
  if (/question/.test(n)) return hints.isQuestion;
  if (/human|escalat|handoff|review/.test(n)) return m.includes('complaint');
  if (/urgent/.test(n)) return m.includes('urgent');
  if (/spam|flag|block/.test(n)) return m.includes('spam');
  if (/pass|safe|allow|ok|valid/.test(n)) return !m.includes('spam');
  return false;
}
