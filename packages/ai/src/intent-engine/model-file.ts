/**
 * The engine's file: JSON with base64 arrays. Weights are pruned (a weight below `prune` × its
 * intent's largest weight is dropped: 2% keeps ~8% of CLINC150's weights and costs ~0.1 point) and
 * quantised to int8 per intent, then stored sparse by feature, so a 151-intent engine is ~1.5 MB.
 */
import { z } from 'zod';
import type { Vocabulary } from './features.ts';
import type { SoftmaxWeights } from './softmax.ts';

export const OOS = 'oos';

export const IntentEngineFileSchema = z.object({
  format: z.literal('replyforce-intent-engine-v1'),
  /** Class names in weight order (includes `oos` when the tenant gave out-of-scope examples). */
  classes: z.array(z.string()).min(1),
  /** Below this confidence the engine answers `oos`. */
  threshold: z.number().min(0).max(1),
  documents: z.number().int().positive(),
  /** base64 Uint32: n-gram key per feature id. */
  keys: z.string(),
  /** base64 Uint32: document frequency per feature id. */
  df: z.string(),
  bias: z.array(z.number()),
  scales: z.array(z.number()),
  /** base64 Uint32 (features + 1): where each feature's (class, weight) entries start. */
  offsets: z.string(),
  /** base64 Uint16: class of each entry. */
  entryClasses: z.string(),
  /** base64 Int8: quantised weight of each entry. */
  entryWeights: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type IntentEngineFile = z.infer<typeof IntentEngineFileSchema>;

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromB64<T>(s: string, make: (b: ArrayBuffer) => T): T {
  const bytes = Buffer.from(s, 'base64');
  // Copy into a fresh buffer: a Node Buffer's offset need not be aligned for Uint32/Uint16 views.
  return make(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function encodeEngine(
  model: SoftmaxWeights,
  classes: string[],
  vocab: Vocabulary,
  df: number[],
  documents: number,
  threshold: number,
  prune: number,
  meta?: Record<string, unknown>,
): IntentEngineFile {
  const k = model.classes;
  const max = new Float64Array(k);
  model.weights.forEach((w, i) => {
    max[i % k] = Math.max(max[i % k] as number, Math.abs(w));
  });
  const scales = Array.from(max, (m) => m / 127 || 1);
  const keys: number[] = [];
  const keptDf: number[] = [];
  const offsets: number[] = [0];
  const entryClasses: number[] = [];
  const entryWeights: number[] = [];
  for (const [key, id] of vocab) {
    for (let c = 0; c < k; c++) {
      const w = model.weights[id * k + c] as number;
      const q = Math.round(w / (scales[c] as number));
      if (q === 0 || Math.abs(w) < prune * (max[c] as number)) continue;
      entryClasses.push(c);
      entryWeights.push(q);
    }
    // A feature whose weights were all pruned stays: it still counts toward word coverage.
    keys.push(key);
    keptDf.push(df[id] ?? 1);
    offsets.push(entryClasses.length);
  }
  return {
    format: 'replyforce-intent-engine-v1',
    classes,
    threshold,
    documents,
    keys: b64(Uint32Array.from(keys)),
    df: b64(Uint32Array.from(keptDf)),
    bias: Array.from(model.bias),
    scales,
    offsets: b64(Uint32Array.from(offsets)),
    entryClasses: b64(Uint16Array.from(entryClasses)),
    entryWeights: b64(Int8Array.from(entryWeights)),
    ...(meta ? { meta } : {}),
  };
}

/** The decoded file, ready to score: per feature, a run of (class, weight) entries. */
export type DecodedEngine = {
  classes: string[];
  threshold: number;
  vocab: Vocabulary;
  idf: Float32Array;
  unseenIdf: number;
  bias: Float32Array;
  offsets: Uint32Array;
  entryClasses: Uint16Array;
  entryWeights: Float32Array;
};

export function decodeEngine(input: IntentEngineFile): DecodedEngine {
  const file = IntentEngineFileSchema.parse(input);
  const keys = fromB64(file.keys, (b) => new Uint32Array(b));
  const df = fromB64(file.df, (b) => new Uint32Array(b));
  const offsets = fromB64(file.offsets, (b) => new Uint32Array(b));
  const entryClasses = fromB64(file.entryClasses, (b) => new Uint16Array(b));
  const quantised = fromB64(file.entryWeights, (b) => new Int8Array(b));
  const k = file.classes.length;
  if (df.length !== keys.length || offsets.length !== keys.length + 1)
    throw new Error('intent engine file is corrupt: feature arrays differ in length');
  if (quantised.length !== entryClasses.length || file.bias.length !== k || file.scales.length !== k)
    throw new Error('intent engine file is corrupt: weights do not match its classes');
  const entryWeights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) {
    const c = entryClasses[i] as number;
    if (c >= k) throw new Error('intent engine file is corrupt: class out of range');
    entryWeights[i] = (quantised[i] as number) * (file.scales[c] as number);
  }
  const vocab: Vocabulary = new Map();
  keys.forEach((key, id) => {
    vocab.set(key, id);
  });
  const idf = Float32Array.from(df, (d) => Math.log((1 + file.documents) / (1 + d)) + 1);
  return {
    classes: file.classes,
    threshold: file.threshold,
    vocab,
    idf,
    unseenIdf: Math.log(1 + file.documents) + 1,
    bias: Float32Array.from(file.bias),
    offsets,
    entryClasses,
    entryWeights,
  };
}
