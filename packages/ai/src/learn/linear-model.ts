/**
 * Multinomial logistic regression over hashed sparse features: the local models' one learner.
 * Trained with AdaGrad on shuffled examples (seeded, so a training run is reproducible), L2 on the
 * weights each example touches. Shipped quantised to int8 per class, so a 2^16-bucket, 3-class
 * model is ~200 KB of base64.
 */
import { type FeatureSpec, featurize, type SparseVector } from '../text/features.ts';

export type TrainOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Per-class weight of the loss (to balance skewed labels); default 1 for every class. */
  classWeights?: number[];
};

export type LinearModel = {
  labels: string[];
  spec: FeatureSpec;
  /** weights[bucket * labels.length + class] */
  weights: Float32Array;
  bias: Float32Array;
};

/** The model file: JSON, int8 weights with one scale per class, base64. */
export type LinearModelFile = {
  format: 'replyforce-linear-v1';
  labels: string[];
  spec: FeatureSpec;
  bias: number[];
  scales: number[];
  weights: string;
  /** Free-form facts about the training run (data, split, date, dev metrics). */
  meta?: Record<string, unknown>;
};

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainLinearModel(
  examples: { text: string; label: string }[],
  spec: FeatureSpec,
  options: TrainOptions = {},
): LinearModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const data = examples.map((e) => ({ x: featurize(e.text, spec), y: index.get(e.label) ?? 0 }));
  return fitVectors(data, labels, spec, options);
}

/** Training on vectors already featurised (callers that build their own features). */
export function fitVectors(
  data: { x: SparseVector; y: number }[],
  labels: string[],
  spec: FeatureSpec,
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 8, learningRate = 0.5, l2 = 1e-6, seed = 42 } = options;
  const k = labels.length;
  const size = (1 << spec.bits) * k;
  const weights = new Float32Array(size);
  const grad2 = new Float32Array(size);
  const bias = new Float32Array(k);
  const biasGrad2 = new Float32Array(k);
  const probs = new Float64Array(k);
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const n of order) {
      const { x, y } = data[n] as { x: SparseVector; y: number };
      scoresInto(weights, bias, k, x, probs);
      softmaxInPlace(probs);
      const w = options.classWeights?.[y] ?? 1;
      for (let c = 0; c < k; c++) {
        const g = w * ((probs[c] ?? 0) - (c === y ? 1 : 0));
        if (g === 0) continue;
        biasGrad2[c] = (biasGrad2[c] ?? 0) + g * g;
        bias[c] = (bias[c] ?? 0) - (learningRate * g) / Math.sqrt((biasGrad2[c] ?? 0) + 1e-8);
        for (let f = 0; f < x.idx.length; f++) {
          const at = (x.idx[f] as number) * k + c;
          const wg = g * (x.val[f] as number) + l2 * (weights[at] as number);
          grad2[at] = (grad2[at] as number) + wg * wg;
          weights[at] =
            (weights[at] as number) - (learningRate * wg) / Math.sqrt((grad2[at] as number) + 1e-8);
        }
      }
    }
  }
  return { labels, spec, weights, bias };
}

function scoresInto(
  weights: Float32Array,
  bias: Float32Array,
  k: number,
  x: SparseVector,
  out: Float64Array,
) {
  for (let c = 0; c < k; c++) out[c] = bias[c] ?? 0;
  for (let f = 0; f < x.idx.length; f++) {
    const base = (x.idx[f] as number) * k;
    const v = x.val[f] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * v;
  }
}

function softmaxInPlace(s: Float64Array): void {
  let max = -Infinity;
  for (const v of s) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < s.length; c++) {
    const e = Math.exp((s[c] as number) - max);
    s[c] = e;
    sum += e;
  }
  for (let c = 0; c < s.length; c++) s[c] = (s[c] as number) / sum;
}

/** Class probabilities of an already-featurised vector, in `model.labels` order. */
export function predictVector(model: LinearModel, x: SparseVector): Float64Array {
  const out = new Float64Array(model.labels.length);
  scoresInto(model.weights, model.bias, model.labels.length, x, out);
  softmaxInPlace(out);
  return out;
}

export type Prediction = { label: string; confidence: number; probabilities: Record<string, number> };

export function predict(model: LinearModel, text: string): Prediction {
  const p = predictVector(model, featurize(text, model.spec));
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  const probabilities: Record<string, number> = {};
  model.labels.forEach((l, c) => {
    probabilities[l] = p[c] as number;
  });
  return { label: model.labels[best] as string, confidence: p[best] as number, probabilities };
}

/** int8 per class: each class's weights divided by its largest magnitude / 127. */
export function serializeLinearModel(model: LinearModel, meta?: Record<string, unknown>): LinearModelFile {
  const k = model.labels.length;
  const scales = new Array<number>(k).fill(0);
  for (let i = 0; i < model.weights.length; i++) {
    const c = i % k;
    scales[c] = Math.max(scales[c] as number, Math.abs(model.weights[i] as number));
  }
  for (let c = 0; c < k; c++) scales[c] = (scales[c] as number) / 127 || 1;
  const q = new Int8Array(model.weights.length);
  for (let i = 0; i < q.length; i++)
    q[i] = Math.round((model.weights[i] as number) / (scales[i % k] as number));
  return {
    format: 'replyforce-linear-v1',
    labels: model.labels,
    spec: model.spec,
    bias: [...model.bias],
    scales,
    weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
    ...(meta ? { meta } : {}),
  };
}

export function loadLinearModel(file: LinearModelFile): LinearModel {
  if (file.format !== 'replyforce-linear-v1') throw new Error(`unknown model format ${String(file.format)}`);
  const k = file.labels.length;
  const bytes = Buffer.from(file.weights, 'base64');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (q.length !== (1 << file.spec.bits) * k) throw new Error('model weights do not match its spec');
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = (q[i] as number) * (file.scales[i % k] as number);
  return { labels: file.labels, spec: file.spec, weights, bias: Float32Array.from(file.bias) };
}
