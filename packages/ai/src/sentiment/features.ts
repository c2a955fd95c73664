/**
 * Sentiment features, hashed like the shared featurizer but richer, because a tweet's polarity
 * hides in things plain n-grams miss:
 * - word unigrams with negation marking ("not good" → `¬good`) and plain word bigrams;
 * - character 3–5-grams of each word (inflections, misspellings, eight languages);
 * - counts from the hand-written lexicon (flipped under negation) and from emoji/emoticons;
 * - shape: words in CAPITALS, stretched letters ("soooo"), "!" and "?".
 * The n-gram block is L2-normalised as usual; the counted features are appended after it as
 * log(1 + count), so a long text does not dilute "three angry emoji".
 */
import { canonicalTweet } from '../language/clean-text.ts';
import type { FeatureSpec, SparseVector } from '../text/features.ts';
import { tokenize } from '../text/features.ts';
import { normalizeText } from '../text/normalize.ts';
import { countEmoticons } from './emoticons.ts';
import { lexiconPolarity } from './lexicon.ts';
import { negationScope } from './negation.ts';

export type SentimentSpec = FeatureSpec & { extras: boolean; negation: boolean };

export const SENTIMENT_SPEC: SentimentSpec = {
  bits: 18,
  wordNgrams: [1, 2],
  charNgrams: [3, 4, 5],
  extras: true,
  negation: true,
};

function hash(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const CLAUSE_BREAK = /[.,;:()"“”«»]+/;
const CAPS_WORD = /\b\p{Lu}{3,}\b/gu;
const STRETCHED = /(\p{L})\1{2,}/gu;

/** Counted (non-n-gram) signals of one canonical tweet. */
function extraCounts(raw: string, tokens: string[], negated: boolean[]): Record<string, number> {
  const emoticons = countEmoticons(raw);
  let lexPositive = 0;
  let lexNegative = 0;
  tokens.forEach((t, i) => {
    const polarity = lexiconPolarity(t);
    if (!polarity) return;
    if ((polarity === 'positive') !== (negated[i] === true)) lexPositive++;
    else lexNegative++;
  });
  return {
    lexPositive,
    lexNegative,
    lexBoth: lexPositive > 0 && lexNegative > 0 ? 1 : 0,
    emojiPositive: emoticons.positive,
    emojiNegative: emoticons.negative,
    caps: raw.match(CAPS_WORD)?.length ?? 0,
    // On the raw text: normalizeText cuts "soooo" to "soo".
    stretched: raw.match(STRETCHED)?.length ?? 0,
    exclamations: tokens.filter((t) => t === '!').length,
    questions: tokens.filter((t) => t === '?').length,
    negations: negated.some(Boolean) ? 1 : 0,
  };
}

export function sentimentVector(text: string, spec: SentimentSpec = SENTIMENT_SPEC): SparseVector {
  const mask = (1 << spec.bits) - 1;
  const counts = new Map<number, number>();
  const add = (key: string, salt: number) => {
    const b = hash(key, salt) & mask;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  const raw = canonicalTweet(text);
  const tokens: string[] = [];
  const negated: boolean[] = [];
  for (const clause of normalizeText(raw).split(CLAUSE_BREAK)) {
    const words = tokenize(clause);
    const scope = spec.negation ? negationScope(words) : words.map(() => false);
    words.forEach((w, i) => {
      add(scope[i] ? `¬${w}` : w, 1);
    });
    if (spec.wordNgrams.includes(2))
      for (let i = 0; i + 1 < words.length; i++) add(`${words[i]} ${words[i + 1]}`, 2);
    tokens.push(...words);
    negated.push(...scope);
  }
  for (const w of tokens) {
    const padded = ` ${w} `;
    for (const n of spec.charNgrams)
      for (let i = 0; i + n <= padded.length; i++) add(padded.slice(i, i + n), 100 + n);
  }
  const extras = spec.extras ? extraCounts(raw, tokens, negated) : {};
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [b, c] of counts) {
    const v = Math.log1p(c);
    idx.push(b);
    val.push(v);
    norm += v * v;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < val.length; j++) val[j] = (val[j] as number) * inv;
  for (const [name, c] of Object.entries(extras)) {
    if (c <= 0) continue;
    idx.push(hash(`extra:${name}`, 7) & mask);
    val.push(Math.log1p(c));
  }
  return { idx: Uint32Array.from(idx), val: Float32Array.from(val) };
}
