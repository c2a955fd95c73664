/**
 * Text → sparse feature vector by the hashing trick: word n-grams and character n-grams hashed
 * into 2^bits buckets, sublinear term frequency, L2-normalised. No vocabulary to ship, so a model
 * is its weights only, and an unseen word still lands on the buckets its character n-grams share
 * with known ones (misspellings, inflections, other scripts).
 */
import { normalizeText } from './normalize.ts';

export type FeatureSpec = {
  /** log2 of the number of buckets. */
  bits: number;
  /** Word n-gram orders, e.g. [1, 2]. Empty for none. */
  wordNgrams: number[];
  /** Character n-gram orders inside ` word ` (padded with spaces), e.g. [2, 3, 4]. Empty for none. */
  charNgrams: number[];
};

export type SparseVector = { idx: Uint32Array; val: Float32Array };

const TOKEN = /[\p{L}\p{M}\p{N}_'#@]+|\p{Extended_Pictographic}|[!?]/gu;

/** Word tokens of already-normalised text (letters/digits runs, emoji, ! and ?). */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

/** FNV-1a over a string, salted so word and character n-grams of the same text differ. */
export function hash(s: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Bucket counts of one text's n-grams (before weighting). */
function countBuckets(text: string, spec: FeatureSpec): Map<number, number> {
  const mask = (1 << spec.bits) - 1;
  const counts = new Map<number, number>();
  const add = (h: number) => {
    const b = h & mask;
    counts.set(b, (counts.get(b) ?? 0) + 1);
  };
  const words = tokenize(normalizeText(text));
  for (const n of spec.wordNgrams) {
    for (let i = 0; i + n <= words.length; i++) add(hash(words.slice(i, i + n).join(' '), n));
  }
  if (spec.charNgrams.length > 0) {
    for (const w of words) {
      const padded = ` ${w} `;
      for (const n of spec.charNgrams) {
        for (let i = 0; i + n <= padded.length; i++) add(hash(padded.slice(i, i + n), 100 + n));
      }
    }
  }
  return counts;
}

/** The normalised feature vector of `text`: log(1 + count), L2 norm 1 (an empty text is all zero). */
export function featurize(text: string, spec: FeatureSpec): SparseVector {
  const counts = countBuckets(text, spec);
  const idx = new Uint32Array(counts.size);
  const val = new Float32Array(counts.size);
  let i = 0;
  let norm = 0;
  for (const [b, c] of counts) {
    const v = Math.log1p(c);
    idx[i] = b;
    val[i] = v;
    norm += v * v;
    i++;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < val.length; j++) val[j] = (val[j] ?? 0) * inv;
  }
  return { idx, val };
}
