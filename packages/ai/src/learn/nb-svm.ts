/**
 * NB-SVM (Wang & Manning, 2012): for each class, a linear SVM trained one-vs-rest on features
 * scaled by their naive-Bayes log-count ratio, log(P(feature | class) / P(feature | rest)). On
 * small sentiment sets it beats plain logistic regression: the ratio is a prior that lets a word
 * seen a few times in one class count at once, and the SVM corrects what naive Bayes overcounts.
 *
 * Each binary SVM is L2-regularised with the squared hinge loss and solved in the dual by
 * coordinate descent (Hsieh et al., 2008), visiting examples in a seeded order, so a run is
 * reproducible. The ratio is folded into the weights afterwards, so the result is an ordinary
 * LinearModel: the same file format, loader and predictVector as the other local models, and no
 * extra cost at inference. Its softmax is over SVM margins times `temperature` (fitted by the
 * caller on held-out data), which turns margins into usable probabilities.
 */
import type { FeatureSpec, SparseVector } from '../text/features.ts';
import { type LinearModel, seededRandom } from './linear-model.ts';

export type NbSvmOptions = {
  /** Inverse regularisation strength: higher fits the training rows more closely. */
  C?: number;
  /** Additive smoothing of the naive-Bayes feature counts. */
  nbAlpha?: number;
  /** false: a plain one-vs-rest SVM (no log-count-ratio scaling), for comparison. */
  naiveBayes?: boolean;
  /** Passes over the data at most (it stops earlier once the dual has converged). */
  maxEpochs?: number;
  /** Softmax temperature applied to the margins (folded into the weights). */
  temperature?: number;
  seed?: number;
  /**
   * Each binary problem weighs its two sides equally (cost × n / (2 × side's rows)), so a rare
   * class is not traded away for accuracy on the common ones: macro recall is what counts.
   */
  balanced?: boolean;
  /** Weight of each example's loss (other languages counting less, …); default 1. */
  rowWeights?: number[];
};

/** Stop when no example's projected gradient exceeds this (LIBLINEAR's default tolerance is 0.1). */
const TOLERANCE = 0.01;

/** log(P(f | positive) / P(f | negative)) over feature presence, with additive smoothing. */
export function logCountRatio(
  xs: SparseVector[],
  positive: boolean[],
  dim: number,
  alpha: number,
): Float32Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach((x, i) => {
    const counts = positive[i] ? p : q;
    for (let f = 0; f < x.idx.length; f++) {
      const j = x.idx[f] as number;
      if ((x.val[f] as number) !== 0) counts[j] = (counts[j] as number) + 1;
    }
  });
  let sumP = 0;
  let sumQ = 0;
  for (let j = 0; j < dim; j++) {
    sumP += p[j] as number;
    sumQ += q[j] as number;
  }
  const r = new Float32Array(dim);
  for (let j = 0; j < dim; j++) r[j] = Math.log((p[j] as number) / sumP) - Math.log((q[j] as number) / sumQ);
  return r;
}

/**
 * One binary L2-loss SVM in the dual; the bias is a constant feature of value 1 (regularised like
 * the rest, as LIBLINEAR does). Returns the weights in the scaled space and the bias.
 */
function binarySvm(
  xs: SparseVector[],
  ys: Int8Array,
  costs: Float64Array,
  scale: Float32Array,
  maxEpochs: number,
  seed: number,
): { w: Float64Array; b: number } {
  const n = xs.length;
  const w = new Float64Array(scale.length);
  let b = 0;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as SparseVector;
    diag[i] = 0.5 / (costs[i] as number);
    let s = 1;
    for (let f = 0; f < x.idx.length; f++) {
      const v = (x.val[f] as number) * (scale[x.idx[f] as number] as number);
      s += v * v;
    }
    qd[i] = s + (diag[i] as number);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let worst = 0;
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const y = ys[i] as number;
      let margin = b;
      for (let f = 0; f < x.idx.length; f++) {
        const j = x.idx[f] as number;
        margin += (w[j] as number) * (x.val[f] as number) * (scale[j] as number);
      }
      const a = alpha[i] as number;
      const g = y * margin - 1 + (diag[i] as number) * a;
      const projected = a === 0 ? Math.min(g, 0) : g;
      worst = Math.max(worst, Math.abs(projected));
      if (projected === 0) continue;
      const next = Math.max(a - g / (qd[i] as number), 0);
      const step = (next - a) * y;
      alpha[i] = next;
      if (step === 0) continue;
      for (let f = 0; f < x.idx.length; f++) {
        const j = x.idx[f] as number;
        w[j] = (w[j] as number) + step * (x.val[f] as number) * (scale[j] as number);
      }
      b += step;
    }
    if (worst < TOLERANCE) break;
  }
  return { w, b };
}

/** One NB-SVM per class (`data[i].y` indexes `labels`), combined into one LinearModel. */
export function fitNbSvm(
  data: { x: SparseVector; y: number }[],
  labels: string[],
  spec: FeatureSpec,
  options: NbSvmOptions = {},
): LinearModel {
  const { C = 1, nbAlpha = 1, maxEpochs = 30, temperature = 1, seed = 42, balanced = true } = options;
  const k = labels.length;
  const dim = 1 << spec.bits;
  const xs = data.map((d) => d.x);
  const weights = new Float32Array(dim * k);
  const bias = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    const positive = data.map((d) => d.y === c);
    const ys = Int8Array.from(positive, (p) => (p ? 1 : -1));
    const inClass = positive.filter(Boolean).length;
    const side = (p: boolean) => (balanced ? data.length / (2 * (p ? inClass : data.length - inClass)) : 1);
    const costs = Float64Array.from(
      data,
      (_, i) => C * side(positive[i] as boolean) * (options.rowWeights?.[i] ?? 1),
    );
    const scale =
      options.naiveBayes === false
        ? new Float32Array(dim).fill(1)
        : logCountRatio(xs, positive, dim, nbAlpha);
    const { w, b } = binarySvm(xs, ys, costs, scale, maxEpochs, seed + c);
    for (let j = 0; j < dim; j++) weights[j * k + c] = (w[j] as number) * (scale[j] as number) * temperature;
    bias[c] = b * temperature;
  }
  return { labels, spec, weights, bias };
}
