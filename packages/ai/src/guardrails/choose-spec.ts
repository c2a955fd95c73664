/**
 * Choosing a feature spec without looking at the development split: k-fold cross-validation on the
 * training rows only, the candidate with the best mean accuracy wins (the first one on a tie, so
 * list candidates from simplest to richest). `extra` rows (augmentation) join every training fold
 * and are never scored.
 */
import { predictVector, seededRandom, type TrainOptions, trainLinearModel } from '../learn/linear-model.ts';
import { type FeatureSpec, featurize } from '../text/features.ts';

type Row = { text: string; label: string };

export function crossValidatedAccuracy(
  rows: Row[],
  spec: FeatureSpec,
  options: TrainOptions,
  extra: Row[] = [],
  folds = 5,
): number {
  const random = seededRandom(7);
  const foldOf = rows.map(() => Math.floor(random() * folds));
  let correct = 0;
  for (let k = 0; k < folds; k++) {
    const model = trainLinearModel([...rows.filter((_, i) => foldOf[i] !== k), ...extra], spec, options);
    rows.forEach((row, i) => {
      if (foldOf[i] !== k) return;
      const p = predictVector(model, featurize(row.text, spec));
      let best = 0;
      for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
      if (model.labels[best] === row.label) correct++;
    });
  }
  return correct / rows.length;
}

export function chooseSpec(
  rows: Row[],
  candidates: FeatureSpec[],
  options: TrainOptions,
  extra: Row[] = [],
): { spec: FeatureSpec; cvAccuracy: number; tried: { spec: FeatureSpec; cvAccuracy: number }[] } {
  const tried = candidates.map((spec) => ({
    spec,
    cvAccuracy: crossValidatedAccuracy(rows, spec, options, extra),
  }));
  let best = tried[0];
  for (const t of tried) if (best === undefined || t.cvAccuracy > best.cvAccuracy) best = t;
  if (!best) throw new Error('no candidate feature spec');
  return { ...best, tried };
}
