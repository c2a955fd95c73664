/**
 * Sentiment features, hashed like the shared featurizer but richer, because a tweet's polarity
 * hides in things plain n-grams miss:
 * - word unigrams with negation marking ("not good" → `¬good`) and plain word bigrams;
 * - character 3–5-grams of each word (inflections, misspellings, eight languages);
 * - the lexicon's graded strengths (flipped and halved under negation, raised after "very",
 *   lowered after "slightly"), emoji and emoticons;
 * - shape: words in CAPITALS, stretched letters ("soooo"), "!" and "?".
 * The n-gram block is L2-normalised as usual (the character n-grams either inside it or, with
 * `charWeight`, as a block of their own with that norm, so they cannot drown the words); the
 * counted features are appended after it as log(1 + value), so a long text does not dilute
 * "three angry emoji". With `languageCopies` each n-gram is also hashed with the message's
 * language, so one model holds shared weights and per-language corrections together.
 */
import { canonicalTweet } from '../language/clean-text.ts';
import type { FeatureSpec, SparseVector } from '../text/features.ts';
import { tokenize } from '../text/features.ts';
import { normalizeText } from '../text/normalize.ts';
import { extraCounts } from './extras.ts';
import { CHAR_SEED, type Counts, countsFor, extraBucket, hash, mix } from './hashing.ts';
import { negationScope } from './negation.ts';

export type SentimentSpec = FeatureSpec & {
  extras: boolean;
  negation: boolean;
  /** The character n-grams' share: a block normalised on its own to this norm (absent: one block). */
  charWeight?: number;
  /** Each n-gram also hashed with the message's language (when it is known). */
  languageCopies?: boolean;
};

/** The English model: its words weigh twice its character n-grams. */
export const ENGLISH_SPEC: SentimentSpec = {
  bits: 18,
  wordNgrams: [1, 2],
  charNgrams: [3, 4, 5],
  extras: true,
  negation: true,
  charWeight: 0.5,
};

/** The model for the other seven languages (and messages whose language is unknown). */
export const MULTILINGUAL_SPEC: SentimentSpec = {
  bits: 18,
  wordNgrams: [1, 2],
  charNgrams: [3, 4, 5],
  extras: true,
  negation: true,
  languageCopies: true,
};

const CLAUSE_BREAK = /[.,;:()"“”«»]+/;

/** Adds log(1 + count) of each bucket to `out`, scaled so the block's L2 norm is `norm`. */
function addBlock(block: Counts, norm: number, out: Counts): void {
  let sum = 0;
  for (const b of block.touched) sum += Math.log1p(block.counts[b] as number) ** 2;
  if (sum === 0) return;
  const scale = norm / Math.sqrt(sum);
  for (const b of block.touched) out.add(b, Math.log1p(block.counts[b] as number) * scale);
}

/**
 * The feature vector of one message. `language` (an ISO code, or `und`) only matters to a spec
 * with `languageCopies`.
 */
export function sentimentVector(text: string, spec: SentimentSpec, language?: string): SparseVector {
  const mask = (1 << spec.bits) - 1;
  const { words, chars: charBlock, out } = countsFor(spec.bits);
  const chars = spec.charWeight === undefined ? words : charBlock;
  const copySalt = spec.languageCopies && language && language !== 'und' ? hash(language, 3) : 0;
  const add = (counts: Counts, h: number) => {
    counts.add(h & mask);
    if (copySalt !== 0) counts.add(mix(h, copySalt) & mask);
  };
  const raw = canonicalTweet(text);
  const tokens: string[] = [];
  const negated: boolean[] = [];
  for (const clause of normalizeText(raw).split(CLAUSE_BREAK)) {
    const clauseWords = tokenize(clause);
    const scope = spec.negation ? negationScope(clauseWords) : clauseWords.map(() => false);
    clauseWords.forEach((w, i) => {
      add(words, hash(scope[i] ? `¬${w}` : w, 1));
    });
    if (spec.wordNgrams.includes(2))
      for (let i = 0; i + 1 < clauseWords.length; i++)
        add(words, hash(`${clauseWords[i]} ${clauseWords[i + 1]}`, 2));
    tokens.push(...clauseWords);
    negated.push(...scope);
  }
  const charOrders = spec.charNgrams;
  if (charOrders.length > 0) {
    const longest = Math.max(...charOrders);
    for (const w of tokens) {
      const padded = ` ${w} `;
      // Every n-gram starting at i extends the one before: hash once, emit at each wanted length.
      for (let i = 0; i < padded.length; i++) {
        let h = CHAR_SEED;
        for (let n = 1; n <= longest && i + n <= padded.length; n++) {
          h = Math.imul(h ^ padded.charCodeAt(i + n - 1), 0x01000193) >>> 0;
          if (charOrders.includes(n)) add(chars, mix(h, n));
        }
      }
    }
  }
  addBlock(words, 1, out);
  if (chars !== words) addBlock(chars, spec.charWeight as number, out);
  if (spec.extras) {
    for (const [name, c] of Object.entries(extraCounts(raw, tokens, negated))) {
      if (c > 0) out.add(extraBucket(name) & mask, Math.log1p(c));
    }
  }
  const vector = { idx: Uint32Array.from(out.touched), val: new Float32Array(out.touched.length) };
  out.touched.forEach((b, j) => {
    vector.val[j] = out.counts[b] as number;
  });
  words.clear();
  chars.clear();
  out.clear();
  return vector;
}
