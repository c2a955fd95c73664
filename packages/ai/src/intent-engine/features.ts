/**
 * The engine's features: word unigrams and bigrams plus character 3–5-grams inside each padded word,
 * looked up in an exact vocabulary built from the tenant's own examples. An exact, pruned vocabulary
 * (rather than the hashing trick) keeps a 151-intent model small: only n-grams the tenant actually
 * used get a weight row, so there is no mostly-empty bucket table to train or ship.
 */
import { tokenize } from '../text/features.ts';
import { normalizeText } from '../text/normalize.ts';

const CHAR_ORDERS = [3, 4, 5];

/** FNV-1a step by step, so n-grams are hashed without building their strings. */
function fnv(s: string, from: number, to: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * 32-bit keys of one text's n-grams (with repeats; the vectoriser counts them): words, word pairs,
 * character 3–5-grams of ` word `. Keys rather than strings keep training memory flat (a 15k-example
 * set has ~150k distinct n-grams); a rare key collision only merges two rare n-grams.
 */
export function ngramKeys(text: string, visit: (key: number, isWord: boolean) => void): void {
  const words = tokenize(normalizeText(text));
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const padded = ` ${words[i] as string} `;
    const word = fnv(padded, 1, padded.length - 1, 1);
    visit(word, true);
    if (i > 0) visit(Math.imul(previous ^ 0x9e3779b9, 0x85ebca6b) ^ word, false);
    previous = word;
    for (const n of CHAR_ORDERS) {
      for (let j = 0; j + n <= padded.length; j++) visit(fnv(padded, j, j + n, n), false);
    }
  }
}

/** n-gram key → feature id. */
export type Vocabulary = Map<number, number>;

/** Keep n-grams seen in at least `minCount` examples (document frequency), ids in first-seen order. */
export function buildVocabulary(texts: string[], minCount: number): { vocab: Vocabulary; df: number[] } {
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  for (const t of texts) {
    seen.clear();
    ngramKeys(t, (key) => seen.add(key));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const vocab: Vocabulary = new Map();
  const df: number[] = [];
  for (const [key, c] of counts) {
    if (c < minCount) continue;
    vocab.set(key, vocab.size);
    df.push(c);
  }
  return { vocab, df };
}

export type SparseRow = {
  idx: Uint32Array;
  val: Float32Array;
  /** IDF-weighted share of the text's words that are in the vocabulary (0 when it has no words). */
  coverage: number;
};

/**
 * TF-IDF vector of a text over the vocabulary, log-scaled counts, L2-normalised. Out-of-vocabulary
 * n-grams are dropped; `idf` is indexed like the vocabulary, `unseenIdf` weighs unknown words.
 */
export function vectorize(text: string, vocab: Vocabulary, idf: Float32Array, unseenIdf: number): SparseRow {
  const counts = new Map<number, number>();
  let known = 0;
  let all = 0;
  ngramKeys(text, (key, isWord) => {
    const id = vocab.get(key);
    if (isWord) {
      const weight = id === undefined ? unseenIdf : (idf[id] ?? unseenIdf);
      all += weight;
      if (id !== undefined) known += weight;
    }
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const idx = new Uint32Array(counts.size);
  const val = new Float32Array(counts.size);
  let norm = 0;
  let i = 0;
  for (const [id, c] of counts) {
    const v = (1 + Math.log(c)) * (idf[id] ?? 1);
    idx[i] = id;
    val[i] = v;
    norm += v * v;
    i++;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < val.length; j++) val[j] = (val[j] as number) * inv;
  }
  return { idx, val, coverage: all > 0 ? known / all : 0 };
}

/** Smoothed inverse document frequency from document counts. */
export function inverseDocumentFrequency(df: number[], documents: number): Float32Array {
  return Float32Array.from(df, (d) => Math.log((1 + documents) / (1 + d)) + 1);
}
