/**
 * Profanity by whole words against the compiled lexicon (models/profanity.json), never inside a
 * word: "Scunthorpe", "class", "assistant" and "cocktail" hold no match because only complete words
 * are looked up. Obfuscations are read back to the word they hide: look-alike symbols ("sh1t",
 * "@ss"), stretched letters ("fuuuuck") and starred letters ("f*ck", "c**t").
 */

import { PROFANITY_LEXICON_URL, readJsonFile } from './model-files.ts';
import type { ProfanityLexiconFile } from './profanity-lexicon.ts';
import type { Severity } from './profanity-lists.ts';
import { collapseRuns, hasRunOfThree, WORD_RE, wordKey } from './profanity-words.ts';
import type { ProfanitySeverity, ProfanityVerdict } from './schema.ts';

type Lexicon = {
  words: Map<string, Severity>;
  /** Words with every letter run cut to one, for stretched spellings. */
  collapsed: Map<string, Severity>;
  /** Words by length, for starred spellings. */
  byLength: Map<number, string[]>;
  phrases: Map<string, Severity>;
  /** First words of the phrases, so most words start no phrase lookup. */
  phraseStarts: Set<string>;
  longestPhrase: number;
};

const SEVERITY: ProfanitySeverity[] = ['none', 'mild', 'strong', 'severe'];
const STARRED = /^\p{L}[\p{L}*]*\*[\p{L}*]*$/u;

let cached: Lexicon | undefined;

function lexicon(): Lexicon {
  if (cached) return cached;
  const file = readJsonFile<ProfanityLexiconFile>(PROFANITY_LEXICON_URL);
  const words = new Map(Object.entries(file.words));
  const collapsed = new Map<string, Severity>();
  const byLength = new Map<number, string[]>();
  for (const [word, severity] of words) {
    const short = collapseRuns(word);
    collapsed.set(short, Math.max(collapsed.get(short) ?? 0, severity) as Severity);
    const sameLength = byLength.get(word.length) ?? [];
    sameLength.push(word);
    byLength.set(word.length, sameLength);
  }
  const phrases = new Map(Object.entries(file.phrases));
  const phraseKeys = [...phrases.keys()];
  cached = {
    words,
    collapsed,
    byLength,
    phrases,
    phraseStarts: new Set(phraseKeys.map((p) => p.split(' ')[0] ?? '')),
    longestPhrase: Math.max(0, ...phraseKeys.map((p) => p.split(' ').length)),
  };
  return cached;
}

/** "f*ck" against every word of its length: a star stands for one letter; at least two are real. */
function starredSeverity(key: string, lex: Lexicon): Severity | undefined {
  if (!STARRED.test(key) || key.replace(/\*/g, '').length < 2) return undefined;
  let best: Severity | undefined;
  for (const word of lex.byLength.get(key.length) ?? []) {
    let same = true;
    for (let i = 0; i < key.length && same; i++) same = key[i] === '*' || key[i] === word[i];
    if (same) best = Math.max(best ?? 0, lex.words.get(word) ?? 1) as Severity;
  }
  return best;
}

function wordSeverity(key: string, lex: Lexicon): Severity | undefined {
  const exact = lex.words.get(key);
  if (exact !== undefined) return exact;
  if (hasRunOfThree(key)) {
    const stretched = lex.collapsed.get(collapseRuns(key));
    if (stretched !== undefined) return stretched;
  }
  return key.includes('*') ? starredSeverity(key, lex) : undefined;
}

export function detectProfanity(text: string): ProfanityVerdict {
  const lex = lexicon();
  const tokens: { key: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const key = wordKey(m[0]);
    if (key !== '') tokens.push({ key, start: m.index, end: m.index + m[0].length });
  }
  const found = new Map<string, Severity>();
  let worst = 0;
  const note = (start: number, end: number, severity: Severity) => {
    const surface = text.slice(start, end);
    found.set(surface, Math.max(found.get(surface) ?? 0, severity) as Severity);
    worst = Math.max(worst, severity);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    const severity = wordSeverity(token.key, lex);
    if (severity !== undefined) note(token.start, token.end, severity);
    if (!lex.phraseStarts.has(token.key)) continue;
    let phrase = token.key;
    for (let n = 1; n < lex.longestPhrase && i + n < tokens.length; n++) {
      const next = tokens[i + n] as (typeof tokens)[number];
      phrase += ` ${next.key}`;
      const phraseSeverity = lex.phrases.get(phrase);
      if (phraseSeverity !== undefined) note(token.start, next.end, phraseSeverity);
    }
  }
  return { hasProfanity: worst > 0, terms: [...found.keys()], severity: SEVERITY[worst] ?? 'none' };
}
