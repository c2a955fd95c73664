/**
 * What simple keyword rules read in a customer's message. The stand-in LLM builds every answer from
 * these, so a sentiment or intent schema gets a plausible value rather than the first enum member.
 */
export type MessageHints = {
  text: string;
  /** Enum values to prefer, best first (matched rules first, neutral defaults last). */
  labels: string[];
  /** The rules that matched, by name. */
  matched: string[];
  /** -1 (negative) to 1 (positive). */
  polarity: number;
  /** ISO 639-1 code guessed from the script and a few common words. */
  language: string;
  isQuestion: boolean;
  /** A few words naming what the message is about, for the reply to echo. */
  topic: string;
};

type Rule = { name: string; pattern: RegExp; labels: string[]; topic?: string; polarity?: number };

const RULES: Rule[] = [
  {
    name: 'spam',
    pattern: /\b(crypto|bitcoin|click here|free money|bit\.ly|earn \$?\d+)/i,
    labels: ['spam', 'irrelevant', 'other', 'cold', 'low'],
  },
  {
    name: 'complaint',
    pattern:
      /\b(refund|broken|terrible|awful|worst|angry|disappointed|complain\w*|unacceptable|damaged|scam|hate|useless|never arrived|not working|doesn'?t work|late)\b/i,
    labels: [
      'negative',
      'complaint',
      'anger',
      'frustration',
      'frustrated',
      'angry',
      'support',
      'high',
      'cold',
    ],
    topic: 'the problem you ran into',
    polarity: -0.7,
  },
  {
    name: 'not_interested',
    pattern: /\b(not interested|unsubscribe|stop messaging|leave me alone)\b/i,
    labels: ['not_interested', 'negative', 'cold', 'low'],
    polarity: -0.4,
  },
  {
    name: 'demo',
    pattern: /\b(demo|trial|try it)\b/i,
    labels: ['demo_request', 'demo', 'purchase', 'hot'],
    topic: 'a demo',
  },
  {
    name: 'pricing',
    pattern:
      /(\b(buy|purchase|place an order|price|prices|pricing|cost|costs|how much|quote|plans?)\b|[$€£])/i,
    labels: ['pricing', 'purchase', 'purchase_intent', 'buy', 'pricing_inquiry', 'hot'],
    topic: 'pricing',
  },
  {
    name: 'availability',
    pattern: /\b(in stock|available|availability|opening hours|open today|deliver\w*|shipping)\b/i,
    labels: ['availability', 'inquiry', 'product_inquiry', 'warm'],
    topic: 'availability',
  },
  {
    name: 'support',
    pattern: /\b(help|problem|issue|error|can'?t|cannot|login|password|account|reset)\b/i,
    labels: ['support', 'support_request', 'question', 'medium'],
    topic: 'getting this sorted out',
  },
  {
    name: 'urgent',
    pattern: /\b(asap|urgent\w*|immediately|right now|today|emergency)\b/i,
    labels: ['high', 'urgent', 'hot'],
  },
  {
    name: 'praise',
    pattern: /(\b(thanks|thank you|love|great|awesome|amazing|perfect|excellent|wonderful)\b|❤|😍|👍|🙏)/iu,
    labels: ['positive', 'feedback', 'praise', 'compliment', 'joy', 'gratitude', 'happy', 'low'],
    topic: 'your kind words',
    polarity: 0.7,
  },
  {
    name: 'greeting',
    pattern: /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i,
    labels: ['greeting', 'other', 'cold'],
  },
];

const DEFAULT_LABELS = ['neutral', 'other', 'general', 'inquiry', 'unknown', 'none', 'low', 'medium', 'cold'];

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
];

/** Whole words in any script (`\b` only knows ASCII letters, so "está" would never match). */
const words = (list: string) => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, 'giu');

const LATIN_WORDS: [string, RegExp][] = [
  ['es', words('hola|gracias|precio|cuánto|quiero|por favor|pedido|el|los|que|está')],
  ['fr', words('bonjour|merci|prix|combien|je|vous|est|les|une|commande')],
  ['de', words('hallo|danke|preis|wie viel|ich|nicht|und|der|die|das|bestellung')],
  ['pt', words('olá|obrigad[oa]|preço|quanto|você|não|pedido|uma')],
  ['it', words('ciao|grazie|prezzo|quanto costa|sono|non|il|che|ordine')],
];

export function detectLanguage(text: string): string {
  for (const [pattern, code] of SCRIPTS) if (pattern.test(text)) return code;
  let best = 'en';
  let bestCount = 1; // one stray "el" or "die" is not enough to leave English
  for (const [code, pattern] of LATIN_WORDS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [code, count];
  }
  return best;
}

/** The first few words, for echoing a message that matched no rule. */
export function excerpt(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  const head = parts.slice(0, words).join(' ');
  return (parts.length > words ? `${head}…` : head).replace(/[?!.,;:]+$/, '');
}

export function readHints(text: string): MessageHints {
  const matchedRules = RULES.filter((r) => r.pattern.test(text));
  const matched = matchedRules.map((r) => r.name);
  const labels: string[] = [];
  if (matched.includes('praise') && matched.includes('complaint')) labels.push('mixed');
  for (const rule of matchedRules) labels.push(...rule.labels);
  const isQuestion = /\?|^\s*(how|what|when|where|why|who|which|can|could|do|does|is|are)\b/i.test(text);
  if (isQuestion) labels.push('question', 'inquiry', 'warm');
  const polarity = matchedRules.reduce((sum, r) => sum + (r.polarity ?? 0), 0);
  const language = detectLanguage(text);
  labels.push(...DEFAULT_LABELS, language);
  const topicRule = matchedRules.find((r) => r.topic);
  const quoted = excerpt(text);
  return {
    text,
    labels,
    matched,
    polarity: Math.max(-1, Math.min(1, polarity)),
    language,
    isQuestion,
    topic: topicRule?.topic ?? (quoted ? `"${quoted}"` : 'your message'),
  };
}

const norm = (v: unknown) =>
  String(v)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The enum member equal to `label`, or else one with `label` among its words (`pricing_inquiry`). */
export function matchEnum(values: readonly unknown[], label: string, exact: boolean): unknown {
  return exact
    ? values.find((v) => norm(v) === label)
    : values.find((v) => norm(v).split('_').includes(label));
}

/** The enum member the hints point at best; the first member when none matches. */
export function pickEnum(values: readonly unknown[], hints: MessageHints): unknown {
  for (const exact of [true, false])
    for (const label of hints.labels) {
      const found = matchEnum(values, label, exact);
      if (found !== undefined) return found;
    }
  return values[0];
}
