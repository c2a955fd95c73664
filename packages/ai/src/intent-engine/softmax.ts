/**
 * Multinomial logistic regression over the engine's exact-vocabulary rows. A variant of the shared
 * learner (learn/linear-model.ts) sized for many intents: AdaGrad keeps one accumulator per feature
 * row instead of per weight, which halves training memory (151 intents × 30k n-grams is 18 MB of
 * weights; a per-weight accumulator would be another 18 MB) at no measurable cost in accuracy.
 */
import { seededRandom } from '../learn/linear-model.ts';
import type { SparseRow } from './features.ts';

/** Training rows packed into three arrays (CSR): one typed array per row costs more than its data. */
export type PackedRows = {
  count: number;
  offsets: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
  labels: Uint16Array;
};

/** Packs vectorised rows; the caller vectorises lazily so only one row's garbage exists at a time. */
export function packRows(count: number, row: (i: number) => { x: SparseRow; y: number }): PackedRows {
  const offsets = new Uint32Array(count + 1);
  const labels = new Uint16Array(count);
  let idx = new Uint32Array(1024);
  let val = new Float32Array(1024);
  let used = 0;
  for (let i = 0; i < count; i++) {
    const { x, y } = row(i);
    while (used + x.idx.length > idx.length) {
      const bigger = new Uint32Array(idx.length * 2);
      bigger.set(idx);
      idx = bigger;
      const biggerVal = new Float32Array(val.length * 2);
      biggerVal.set(val);
      val = biggerVal;
    }
    idx.set(x.idx, used);
    val.set(x.val, used);
    used += x.idx.length;
    offsets[i + 1] = used;
    labels[i] = y;
  }
  return { count, offsets, idx: idx.slice(0, used), val: val.slice(0, used), labels };
}

/** Gradients smaller than this are skipped (see the training loop). */
const MIN_GRADIENT = 1e-4;

export type SoftmaxOptions = { epochs: number; learningRate: number; l2: number; seed: number };

export type SoftmaxWeights = {
  /** weights[feature * classes + class] */
  weights: Float32Array;
  bias: Float32Array;
  classes: number;
};

export function trainSoftmax(
  rows: PackedRows,
  features: number,
  classes: number,
  options: SoftmaxOptions,
  classWeights?: Float32Array,
): SoftmaxWeights {
  const weights = new Float32Array(features * classes);
  const rowGrad2 = new Float32Array(features);
  const bias = new Float32Array(classes);
  const biasGrad2 = new Float32Array(classes);
  const probs = new Float64Array(classes);
  const activeClasses = new Uint16Array(classes);
  const activeGrads = new Float64Array(classes);
  const model: SoftmaxWeights = { weights, bias, classes };
  const random = seededRandom(options.seed);
  const order = Array.from({ length: rows.count }, (_, i) => i);
  const { learningRate: rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const n of order) {
      const from = rows.offsets[n] as number;
      const to = rows.offsets[n + 1] as number;
      const y = rows.labels[n] as number;
      scoresInto(model, rows, from, to, probs);
      const w = classWeights?.[y] ?? 1;
      // The loss gradient per class is p − 1 for the gold class and p elsewhere. Once the model is
      // past its first epoch most classes have p ≈ 0: updating only the classes with a gradient
      // worth the name (and skipping their L2 shrink) makes an epoch several times faster.
      let g2 = 0;
      let active = 0;
      for (let c = 0; c < classes; c++) {
        const g = w * ((probs[c] as number) - (c === y ? 1 : 0));
        g2 += g * g;
        biasGrad2[c] = (biasGrad2[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (rate * g) / Math.sqrt((biasGrad2[c] as number) + 1e-8);
        if (Math.abs(g) >= MIN_GRADIENT) {
          activeClasses[active] = c;
          activeGrads[active] = g;
          active++;
        }
      }
      for (let f = from; f < to; f++) {
        const id = rows.idx[f] as number;
        const v = rows.val[f] as number;
        rowGrad2[id] = (rowGrad2[id] as number) + g2 * v * v;
        const step = rate / Math.sqrt((rowGrad2[id] as number) + 1e-8);
        const base = id * classes;
        for (let a = 0; a < active; a++) {
          const at = base + (activeClasses[a] as number);
          const wv = weights[at] as number;
          weights[at] = wv - step * ((activeGrads[a] as number) * v + l2 * wv);
        }
      }
    }
  }
  return model;
}

/** Softmax class probabilities of packed row entries [from, to), written into `out`. */
function scoresInto(model: SoftmaxWeights, rows: PackedRows, from: number, to: number, out: Float64Array) {
  const { weights, bias, classes } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c] as number;
  for (let f = from; f < to; f++) {
    const base = (rows.idx[f] as number) * classes;
    const v = rows.val[f] as number;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * v;
  }
  softmaxInPlace(out, classes);
}

export function softmaxInPlace(out: Float64Array, classes: number): void {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) if ((out[c] as number) > max) max = out[c] as number;
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) / sum;
}
