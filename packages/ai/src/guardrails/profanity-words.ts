/**
 * How a word is compared against the profanity lexicon, shared by the compiler (training time) and
 * the detector (run time) so both sides fold text identically: lower case, no accents (but ñ kept
 * apart: "coño" is not "cono", a cone), ß as ss, and look-alike symbols read as letters ("sh1t",
 * "@ss", "$hit") when the word has at least two real letters (so a phone model "A55" stays A55).
 */

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '+': 't',
};
const LEET_CHARS = /[013457@$!+]/;
const LETTER = /\p{L}/gu;
const RUN_OF_THREE = /(.)\1\1/u;
const RUNS = /(.)\1+/gu;

/** Words of a text: letters, digits, look-alike symbols, inner apostrophes, and single emoji. */
export const WORD_RE = /[\p{L}\p{M}\p{N}@$*!+']+|\p{Extended_Pictographic}/gu;

/** Lower case, accents off (ñ kept), ß → ss. */
export function foldCase(word: string): string {
  return (
    word
      .toLowerCase()
      .normalize('NFKD')
      // Drop accents but keep the tilde of ñ (n + U+0303 after NFKD).
      .replace(/(?!(?<=n)\u0303)\p{M}+/gu, '')
      .normalize('NFC')
      .replace(/ß/g, 'ss')
  );
}

/** The lexicon key of one word, or '' when nothing is left of it. */
export function wordKey(raw: string): string {
  const trimmed = foldCase(raw)
    .replace(/^[*!+']+/, '')
    .replace(/[*!+'@$]+$/, '');
  if (!LEET_CHARS.test(trimmed)) return trimmed;
  const letters = trimmed.match(LETTER)?.length ?? 0;
  if (letters < 2) return trimmed;
  let out = '';
  for (const ch of trimmed) out += LEET[ch] ?? ch;
  return out;
}

/** "fuuuuck" → "fuck", "asssss" → "as": every run of a letter cut to one. */
export function collapseRuns(key: string): string {
  return key.replace(RUNS, '$1');
}

export function hasRunOfThree(key: string): boolean {
  return RUN_OF_THREE.test(key);
}

/** The lexicon key of a term ("son-of-a-bitch", "S.O.B.") : its words' keys joined by one space. */
export function termKey(term: string): string {
  return (term.replace(/[-_./]+/g, ' ').match(WORD_RE) ?? [])
    .map(wordKey)
    .filter((w) => w !== '')
    .join(' ');
}
