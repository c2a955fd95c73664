/**
 * Customer text → a PostgreSQL tsquery string for `to_tsquery('simple', $1)`: the meaningful words
 * joined by ' | ' (any word may match; ts_rank_cd orders by how many and how close).
 *
 * Safety: every lexeme is made only of Unicode letters, marks and digits (the tokenizer keeps
 * nothing else) and is still wrapped in single quotes with quotes and backslashes doubled, so no
 * input can inject tsquery operators (& | ! <-> ( ) : *) or break the syntax.
 *
 * Matching: the 'simple' configuration only lower-cases, so English words are cut to a stem and
 * matched as a prefix ("refunds" → 'refund':*, matching refund, refunded, refunding). Words of
 * fewer than four letters, and stems that would be shorter, match exactly: 'tea':* would also
 * match "team". Accents are kept, unlike the in-memory ranker, because the stored text keeps them.
 */
import { stemEnglish } from './stem.ts';
import { ENGLISH_STOP_WORDS } from './stop-words.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** A long message is not a better query: keep the first words, in order. */
const MAX_LEXEMES = 24;
const MIN_PREFIX = 4;
/** Longer "words" (a pasted hash, a run of one letter) are noise, and PostgreSQL drops them anyway. */
const MAX_WORD = 64;

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The prefix that matches a word's inflections: "deliveries" → "deliver", "opening" → "open". */
function prefixOf(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const stem = stemEnglish(word);
  // "delivery"/"deliveries" → "deliver"; the stemmer leaves a final y that inflections replace.
  return stem.length > MIN_PREFIX && stem.endsWith('y') ? stem.slice(0, -1) : stem;
}

/** "cups" has too short a stem for a prefix, so it matches "cups" or "cup" exactly. */
function lexemes(word: string): string[] {
  if ([...word].length < MIN_PREFIX) return [quote(word)];
  const prefix = prefixOf(word);
  if ([...prefix].length >= MIN_PREFIX) return [`${quote(prefix)}:*`];
  return prefix === word ? [quote(word)] : [quote(word), quote(prefix)];
}

/** '' when nothing searchable is left (empty text, punctuation, emoji, only stop words). */
export function toTsQuery(query: string): string {
  const words = query.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (const word of words) {
    if (ENGLISH_STOP_WORDS.has(word) || word.length > MAX_WORD) continue;
    for (const l of lexemes(word)) out.add(l);
    if (out.size >= MAX_LEXEMES) break;
  }
  return [...out].join(' | ');
}
