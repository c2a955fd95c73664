/**
 * Tokens for knowledge-base search. Unicode letters and digits in any script; Latin accents folded
 * ("café" = "cafe", customers often type without them) while marks of other scripts are kept
 * (a Hindi vowel sign changes the word); scripts written without spaces (Chinese, Japanese, Thai)
 * become overlapping character pairs so a query can match inside a run.
 */
import { stemEnglish } from './stem.ts';
import { ENGLISH_STOP_WORDS } from './stop-words.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** Printable ASCII and ordinary white space: nothing to normalise. */
const NOT_PLAIN = /[^ -~\t\n\r]/;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const SURROGATE = /[\ud800-\udfff]/;
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{M}]+$/u;

/** Lower-case word tokens of any text, the same on the document and the query side. */
export function wordTokens(text: string): string[] {
  // Most knowledge bases are plain ASCII, which needs none of the Unicode passes.
  const folded = !NOT_PLAIN.test(text)
    ? text.toLowerCase()
    : text.normalize('NFKC').toLowerCase().normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC');
  const out: string[] = [];
  for (const token of folded.match(WORD) ?? []) {
    if (token.length > 2 && UNSPACED.test(token)) {
      const chars = [...token];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else out.push(token);
  }
  return out;
}

/** Words stemmed or not: the same on both sides of the index. */
export function stemAll(
  tokens: readonly string[],
  stem: boolean,
  cache = new Map<string, string>(),
): string[] {
  if (!stem) return [...tokens];
  return tokens.map((t) => {
    let s = cache.get(t);
    if (s === undefined) {
      s = stemEnglish(t);
      cache.set(t, s);
    }
    return s;
  });
}

/**
 * The words of a query that carry meaning: stop words dropped, unless that leaves nothing
 * ("where are you?"), in which case they are all kept. Documents keep their stop words so that
 * such a query can still match.
 */
export function contentWords(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !ENGLISH_STOP_WORDS.has(t));
  return kept.length > 0 ? kept : [...tokens];
}

/** Character n-grams of each word padded with spaces, so word starts and ends count. */
export function charGrams(tokens: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const padded = ` ${t} `;
    if (!SURROGATE.test(padded)) {
      // One UTF-16 unit per character: plain substrings, the hot path when indexing.
      if (padded.length <= n) out.push(padded);
      else for (let i = 0; i + n <= padded.length; i++) out.push(padded.substring(i, i + n));
      continue;
    }
    const chars = [...padded];
    if (chars.length <= n) {
      out.push(chars.join(''));
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}
