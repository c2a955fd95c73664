/**
 * Rules for what rules do better than the mapped model: the training data is English and written
 * for support bots, while greetings, "?" and "let me talk to a person" are short, closed-class and
 * multilingual (en/es/fr/de/it/pt), so a lexicon is both more reliable and explainable.
 */
import { normalizeText } from '../text/normalize.ts';

/** Interrogative openers: wh-words and inverted auxiliaries, per language. */
const QUESTION_START = new RegExp(
  '^(?:' +
    [
      // English
      "what|what's|whats|when|where|which|who|whom|whose|why|how|how's|is|are|am|was|were|do|does|did|can|could|will|would|shall|should|may|might|have|has|any(?:one|body)? know",
      // Spanish (accents optional: people often type without them)
      'qu[eé]|cu[aá]ndo|d[oó]nde|cu[aá]l|cu[aá]les|qui[eé]n|qui[eé]nes|por ?qu[eé]|c[oó]mo|cu[aá]nto|cu[aá]nta|cu[aá]ntos|cu[aá]ntas|tienen|hay|puedo|pueden|podr[ií]a',
      // French
      "qu'est-ce|est-ce|quoi|quand|o[uù]|quel|quelle|quels|quelles|qui|pourquoi|comment|combien|avez-vous|pouvez-vous|puis-je|y a-t-il",
      // German
      'was|wann|wo|woher|wohin|welche|welcher|welches|wer|warum|wieso|weshalb|wie|gibt es|habt ihr|haben sie|kann|k[oö]nnen|k[oö]nnt|ist|sind',
      // Italian
      "cosa|che cosa|quando|dove|quale|quali|chi|perch[eé]|come|quanto|quanta|quanti|quante|avete|posso|potete|c['’]?[eè]",
      // Portuguese
      'o que|quando|onde|qual|quais|quem|por ?que|como|quanto|quanta|quantos|quantas|voc[eê]s t[eê]m|t[eê]m|posso|podem|pode',
    ].join('|') +
    ')(?:\\s|$)',
  'u',
);

/** The text asks something: a question mark (also ¿) or an interrogative opener. */
export function looksLikeQuestion(text: string): boolean {
  if (/[?？¿]/u.test(text)) return true;
  const clauses = normalizeText(text)
    .split(/[.!\n;]+|,\s*(?=\p{L})/u)
    .map((c) => c.trim().replace(/^[^\p{L}]+/u, ''));
  // Any clause may carry the question ("hi there, do you deliver").
  return clauses.some((c) => QUESTION_START.test(c));
}

const GREETING = new RegExp(
  '^(?:hi+|hey+|hello+|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings|' +
    'hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|bonjour|bonsoir|salut|coucou|' +
    'hallo|servus|moin|guten (?:morgen|tag|abend)|ciao|salve|buongiorno|buonasera|' +
    'ol[aá]|oi|bom dia|boa (?:tarde|noite))' +
    '(?:\\s+(?:there|all|everyone|team|guys|folks|@user|amigos?|[aà] tous|zusammen|a tutti|pessoal|tudo bem))*$',
  'u',
);

/** The whole message is a greeting (a greeting followed by a question is not). */
export function isGreeting(text: string): boolean {
  const t = normalizeText(text)
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t !== '' && GREETING.test(t);
}

/** Asking for a person, not a bot, in six languages. */
const HUMAN_REQUEST = [
  /\b(?:speak|talk|chat|connect|transfer)\w*\s+(?:me\s+)?(?:to|with)\s+(?:a|an|the|some|your)?\s*(?:real|live|actual)?\s*(?:human|person|people|agent|someone|somebody|representative|rep|manager|supervisor|operator|staff|employee)\b/iu,
  /\b(?:real|live|actual)\s+(?:human|person|agent)\b/iu,
  /\b(?:human|agent|representative|manager|operator)\s+please\b/iu,
  /\b(?:get|give|want|need)\s+(?:me\s+)?(?:a|an|to)\s+(?:real\s+)?(?:human|person|agent|representative)\b/iu,
  /\b(?:hablar|comunicarme|contactar)\s+con\s+(?:una?\s+)?(?:persona|humano|agente|asesor|operador|encargado|gerente|alguien)\b/iu,
  /\bparler\s+(?:à|a|avec)\s+(?:un|une|quelqu'un|quelqu’un)\s*(?:humain|personne|conseiller|conseillère|agent|vrai|responsable)?\b/iu,
  /\b(?:mit\s+(?:einem|einer)\s+(?:menschen|mitarbeiter(?:in)?|person|berater(?:in)?|echten))|\b(?:echten\s+menschen)\b/iu,
  /\bparlare\s+con\s+(?:un|una|qualcuno)\s*(?:operatore|persona|umano|addetto|responsabile)?\b/iu,
  /\bfalar\s+com\s+(?:um|uma|algu[eé]m)\s*(?:atendente|pessoa|humano|agente|gerente)?\b/iu,
];

export function asksForHuman(text: string): boolean {
  return HUMAN_REQUEST.some((re) => re.test(text));
}

const POSITIVE_EMOJI = /[❤♥💕💖💗💓💞💘😍🥰😘😻🤩👍👏🙌🔥💯⭐🌟✨😊☺🙂😀😃😄😁]/u;

/** Emoji-only (or symbols-only) messages carry their intent in the emoji: hearts praise. */
export function emojiOnlyIntent(text: string): 'compliment' | 'other' | null {
  if (/[\p{L}\p{N}]/u.test(text) || text.trim() === '') return null;
  return POSITIVE_EMOJI.test(text) ? 'compliment' : 'other';
}

const GREETING_PREFIX =
  /^\s*(?:hi+|hey+|hello+|hiya|good (?:morning|afternoon|evening)|hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|bonjour|bonsoir|salut|hallo|guten (?:morgen|tag|abend)|ciao|salve|buongiorno|ol[aá]|oi|bom dia|boa (?:tarde|noite))\b(?:\s+(?:there|all|everyone|team|guys))?[\s,.!:;-]*/iu;

/** The message without an opening greeting ("hi! how much…" → "how much…"), so the rest decides. */
export function withoutGreeting(text: string): string {
  const rest = text.replace(GREETING_PREFIX, '');
  return rest.trim() === '' ? text : rest;
}

const PRICING =
  /(?:[$€£¥]\s?\d|\d\s?[$€£¥]|\b(?:price|prices|pricing|priced|cost|costs|how much|fee|fees|discount|discounts|promo|coupon|cheap|cheaper|expensive|afford|quote|rates?|subscription price|precio|precios|cu[aá]nto (?:cuesta|vale|sale)|cuesta|descuento|prix|combien|co[uû]te|tarif|tarifs|preis|preise|kostet|kosten|rabatt|prezzo|prezzi|quanto costa|costa|sconto|pre[cç]o|pre[cç]os|quanto custa|custa|desconto)\b)/iu;

const SUPPORT =
  /\b(?:order|orders|delivery|delivered|shipping|tracking|refund|return|account|password|log ?in|sign ?in|app|website|error|broken|not working|doesn'?t work|won'?t|can'?t|cannot|bug|crash|crashes|pedido|env[ií]o|reembolso|cuenta|contraseña|commande|livraison|remboursement|compte|mot de passe|bestellung|lieferung|konto|passwort|ordine|consegna|rimborso|password|encomenda|entrega|reembolso|conta|senha)\b/iu;

export const mentionsPricing = (text: string) => PRICING.test(text);
export const mentionsSupport = (text: string) => SUPPORT.test(text);

/** Suggestions are feedback; the mapped data only has "I want to leave a review". */
const SUGGESTION =
  /\b(?:you (?:guys )?should(?: really)? (?:add|have|bring|make|offer|open|consider|try)|it would be (?:nice|great|better|cool) if|(?:my|a|one) suggestion|please (?:add|bring back)|i wish you (?:had|would)|deber[ií]an (?:tener|a[nñ]adir|agregar)|vous devriez|ihr solltet|sie sollten|dovreste|voc[eê]s deveriam)\b/iu;

export const suggests = (text: string) => SUGGESTION.test(text);

/** Wanting to buy, said outright ("I'd like to order…"), in six languages. */
const PURCHASE =
  /\b(?:(?:i'?d|i would|i|we'?d|we) (?:like|love|want|wanna|need) to (?:buy|order|purchase|book|reserve|get)|i'?ll take|i want to place an order|(?:how|where) (?:do|can) i (?:buy|order|purchase|place an order)|place an order|quiero (?:comprar|pedir|ordenar|reservar)|je (?:voudrais|veux) (?:acheter|commander|r[ée]server)|ich (?:m[oö]chte|will) (?:kaufen|bestellen)|vorrei (?:comprare|ordinare|prenotare)|quero (?:comprar|encomendar|pedir))\b/iu;

export const wantsToBuy = (text: string) => PURCHASE.test(text);
