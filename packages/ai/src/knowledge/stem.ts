/**
 * A light English suffix stripper, written for retrieval rather than linguistics: it only has to
 * map the forms a customer and a FAQ author use ("refunds", "refunded", "refunding") to one key.
 * It is deliberately conservative (one suffix, a stem of three letters with a vowel) because a
 * wrong merge costs more precision than a missed one costs recall. Non-ASCII words pass unchanged.
 */
const VOWEL = /[aeiouy]/;
const ASCII_WORD = /^[a-z]+$/;

/** Longest first; each ending is replaced by its pair when what remains is a plausible stem. */
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['ingly', ''],
  ['edly', ''],
  ['ation', 'ate'],
  ['ness', ''],
  ['ment', ''],
  ['ious', ''],
  ['ing', ''],
  ['ion', ''],
  ['ed', ''],
  ['ly', ''],
];

function plausibleStem(stem: string): boolean {
  return stem.length >= 3 && VOWEL.test(stem);
}

function stripPlural(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "stopp" → "stop" after -ed/-ing, but keep "fall", "miss", "buzz". */
function undouble(stem: string): string {
  const last = stem.at(-1) ?? '';
  return last === stem.at(-2) && !/[aeiouylsz]/.test(last) ? stem.slice(0, -1) : stem;
}

export function stemEnglish(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  let w = stripPlural(word);
  for (const [ending, replacement] of ENDINGS) {
    if (!w.endsWith(ending)) continue;
    const stem = w.slice(0, -ending.length);
    if (!plausibleStem(stem)) break;
    w = ending === 'ing' || ending === 'ed' ? undouble(stem) : stem + replacement;
    break;
  }
  // "price" / "prices" / "priced" all end as "pric".
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
