/**
 * People, companies and places named by their surroundings: a name after "my name is" / "soy" /
 * "je m'appelle" / "ich heiße"; a company before a legal form (Inc, Ltd, GmbH, SA, LLC…) or after
 * "work at/for"; a capitalised place after "in" / "en" / "à" / "nach". Capitalised words that are
 * days, months, languages or courtesy words are never names.
 */
import type { Found } from './entities-money.ts';

const CAP = String.raw`\p{Lu}[\p{Ll}\p{M}'’-]+`;
const NAME = String.raw`${CAP}(?:\s+(?:(?:de|da|van|von|del|di|le|la)\s+)?${CAP}){0,2}`;
const NOT_NAMES = new Set(
  (
    'Sorry|Happy|Not|Very|Still|Looking|Interested|Here|Back|Fine|Good|Ok|Okay|Just|So|Really|Glad|Writing|' +
    'Calling|Trying|Sure|Unable|Able|Going|Having|Also|From|In|The|A|An|Your|My|Customer|Client|Cliente|Kunde|' +
    'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|' +
    'August|September|October|November|December|English|Spanish|French|German|Italian|Portuguese|Arabic|' +
    'Hindi|Christmas|Easter|Stock|Store|Shop|Black|White|Red|Blue|Green|Thanks|Thank|Hello|Hi|Dear|Please|' +
    'Lunes|Martes|Lundi|Montag|Enero|Janvier|Januar|Inglés|Anglais|Englisch|Deutsch|Español|Français'
  ).split('|'),
);

/** Case-insensitive first letter only: the `i` flag would let \p{Lu} match lower case too. */
const either = (phrase: string) =>
  phrase.replace(/^(\p{L})/u, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
const INTRODUCTIONS = [
  'my name is',
  "I'm",
  'Im',
  'I am',
  'this is',
  'me llamo',
  'mi nombre es',
  'soy',
  "je m'appelle",
  'je m’appelle',
  'mon nom est',
  'ich heiße',
  'ich heisse',
  'mein Name ist',
  'mi chiamo',
  'meu nome é',
  'chamo-me',
  'me chamo',
];
const PERSON = new RegExp(
  String.raw`(?<![\p{L}])(?:${INTRODUCTIONS.map(either).join('|')})\s+(${NAME})`,
  'gu',
);
const SIGN_OFFS = [
  'regards',
  'cheers',
  'thanks',
  'thank you',
  'best',
  'saludos',
  'cordialement',
  'grüße',
  'gruß',
  'grazie',
  'obrigado',
  'obrigada',
];
const SIGNATURE = new RegExp(
  String.raw`(?:${SIGN_OFFS.map(either).join('|')})\s*,?\s*(${NAME})\s*[.!]?\s*$`,
  'u',
);
const LEGAL_FORM = new RegExp(
  String.raw`(?<![\p{L}])((?:${CAP}|\p{Lu}{2,}[\p{L}&]*)(?:\s+(?:&\s+)?(?:${CAP}|\p{Lu}{2,})){0,3})\s+(Inc\.?|Ltd\.?|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SA|SAS|S\.L\.|SL|SRL|S\.r\.l\.|SpA|S\.p\.A\.|Corp\.?|Co\.|PLC|plc|B\.V\.|BV|NV|LLP|Limited|Pty Ltd|Oy|AB)(?![\p{L}])`,
  'gu',
);
const WORKPLACE = new RegExp(
  String.raw`\b(?:work(?:s|ing)?|job|intern(?:ing)?|employed|based)\s+(?:at|for|with)\s+(${CAP}(?:\s+${CAP}){0,2})|\bat\s+(\p{Lu}{2,}|${CAP}(?:\s+${CAP}){0,2})`,
  'gu',
);
const PLACE_AFTER = new RegExp(
  String.raw`\b(?:in|en|à|nach|aus|to|from|near)\s+(${CAP}(?:\s+${CAP}){0,2})`,
  'gu',
);

/** Trailing words that are not part of the name ("John Monday" → "John"). */
function trimName(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 0 && NOT_NAMES.has(words.at(-1) ?? '')) words.pop();
  return words.length > 0 && !NOT_NAMES.has(words[0] ?? '') ? words.join(' ') : '';
}

function group(m: RegExpMatchArray, index: number): Found | undefined {
  const raw = m[index];
  if (raw === undefined || m.index === undefined) return undefined;
  const value = trimName(raw);
  if (value === '') return undefined;
  const start = m.index + m[0].lastIndexOf(raw);
  return { value, start, end: start + value.length };
}

export function findPeople(text: string): Found[] {
  const out = [...text.matchAll(PERSON)].map((m) => group(m, 1));
  const signature = SIGNATURE.exec(text);
  if (signature) out.push(group(signature, 1));
  return out.filter((f): f is Found => f !== undefined);
}

/** Sentence openers caught before a company name ("Contact Globex Ltd" → "Globex Ltd"). */
const OPENERS = new Set([
  'Contact',
  'Call',
  'Email',
  'Ask',
  'Visit',
  'Try',
  'We',
  'I',
  'At',
  'With',
  'For',
  'And',
]);

export function findLegalEntities(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(LEGAL_FORM)) {
    let value = m[0];
    let start = m.index;
    for (let first = /^\S+\s+/.exec(value); first; first = /^\S+\s+/.exec(value)) {
      const word = first[0].trim();
      if (!NOT_NAMES.has(word) && !OPENERS.has(word)) break;
      value = value.slice(first[0].length);
      start += first[0].length;
    }
    // Only the legal form left ("Contact Ltd"): no name.
    if (/\s/.test(value)) out.push({ value, start, end: start + value.length });
  }
  return out;
}

/** "I work at Acme", "at Zalando": weaker evidence, so a known place or a name wins over it. */
export function findWorkplaces(text: string): Found[] {
  return [...text.matchAll(WORKPLACE)]
    .map((m) => group(m, m[1] !== undefined ? 1 : 2))
    .filter((f): f is Found => f !== undefined);
}

export function findPlacesByPreposition(text: string): Found[] {
  return [...text.matchAll(PLACE_AFTER)].map((m) => group(m, 1)).filter((f): f is Found => f !== undefined);
}
