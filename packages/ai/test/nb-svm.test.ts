import { describe, expect, it } from 'vitest';
import { predictVector } from '../src/learn/linear-model.ts';
import { fitNbSvm, logCountRatio } from '../src/learn/nb-svm.ts';
import type { FeatureSpec, SparseVector } from '../src/text/features.ts';

const SPEC: FeatureSpec = { bits: 4, wordNgrams: [1], charNgrams: [] } as FeatureSpec;

/** A row holding the given feature buckets once each. */
const row = (...idx: number[]): SparseVector => ({
  idx: Uint32Array.from(idx),
  val: Float32Array.from(idx, () => 1),
});

// Feature 1 marks class "neg", 2 marks "pos", 3 marks "neu"; 0 is noise every row shares.
const DATA = [
  ...Array.from({ length: 8 }, () => ({ x: row(0, 1), y: 0 })),
  ...Array.from({ length: 4 }, () => ({ x: row(0, 2), y: 1 })),
  ...Array.from({ length: 2 }, () => ({ x: row(0, 3), y: 2 })),
];
const LABELS = ['neg', 'pos', 'neu'];

const top = (p: Float64Array) => LABELS[p.indexOf(Math.max(...p))];

describe('NB-SVM', () => {
  it('weighs a feature by how much more often it appears in the class than outside it', () => {
    const r = logCountRatio(
      DATA.map((d) => d.x),
      DATA.map((d) => d.y === 0),
      16,
      1,
    );
    expect(r[1]).toBeGreaterThan(0); // only in "neg" rows
    expect(r[2]).toBeLessThan(0); // only outside
    expect(Math.abs(r[0] as number)).toBeLessThan(Math.abs(r[1] as number)); // everywhere: weak
  });

  it('learns each class, the rare one included, and predicts them as probabilities', () => {
    const model = fitNbSvm(DATA, LABELS, SPEC, { C: 1 });
    expect(model.labels).toEqual(LABELS);
    for (const [x, label] of [
      [row(0, 1), 'neg'],
      [row(0, 2), 'pos'],
      [row(0, 3), 'neu'],
    ] as const) {
      const p = predictVector(model, x);
      expect(top(p)).toBe(label);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    }
  });

  it('gives the same weights on a second run (seeded)', () => {
    const a = fitNbSvm(DATA, LABELS, SPEC, { C: 0.5, seed: 7 });
    const b = fitNbSvm(DATA, LABELS, SPEC, { C: 0.5, seed: 7 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });
});
