/**
 * The hashing side of the sentiment features: salted FNV-1a for words and bigrams, a mixing step
 * that derives character n-gram and per-language buckets from one running hash, and a reusable
 * scratch array for bucket counts (the features of one message are built in ~50 µs this way).
 */
import { hash as fnv1a } from '../text/features.ts';

/**
 * The features' FNV-1a from a salt spread over the whole word, so words, bigrams and character
 * n-grams of the same text differ.
 */
export function hash(s: string, salt: number): number {
  return fnv1a(s, Math.imul(salt, 0x9e3779b1));
}

/** A second, well-mixed hash of `h` with `salt` (the n-gram length, a language). */
export function mix(h: number, salt: number): number {
  let x = Math.imul(h ^ salt, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export const CHAR_SEED = hash('', 100);

const extraBuckets = new Map<string, number>();

export function extraBucket(name: string): number {
  let h = extraBuckets.get(name);
  if (h === undefined) {
    h = hash(`extra:${name}`, 7);
    extraBuckets.set(name, h);
  }
  return h;
}

/**
 * Bucket counts for one message, in a scratch array the size of the hash space (reused across
 * calls, with the list of buckets touched), which is several times faster than a Map.
 */
export class Counts {
  readonly counts: Float64Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.counts = new Float64Array(size);
  }
  add(bucket: number, by = 1): void {
    if (this.counts[bucket] === 0) this.touched.push(bucket);
    this.counts[bucket] = (this.counts[bucket] as number) + by;
  }
  clear(): void {
    for (const b of this.touched) this.counts[b] = 0;
    this.touched.length = 0;
  }
}

const scratch = new Map<number, { words: Counts; chars: Counts; out: Counts }>();

export function countsFor(bits: number) {
  let c = scratch.get(bits);
  if (!c) {
    c = { words: new Counts(1 << bits), chars: new Counts(1 << bits), out: new Counts(1 << bits) };
    scratch.set(bits, c);
  }
  return c;
}
