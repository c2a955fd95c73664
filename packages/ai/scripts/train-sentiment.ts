/**
 * Trains the sentiment model (packages/ai/models/sentiment.json) on the training split of
 * sentiment.train.jsonl. `--tune` compares feature sets and learner settings on a held-out fifth
 * of the TRAINING rows (the development split is never seen here except by the final report).
 */
import { writeFileSync } from 'node:fs';
import type { TrainOptions } from '../src/learn/linear-model.ts';
import {
  fitVectors,
  type LinearModel,
  predictVector,
  serializeLinearModel,
} from '../src/learn/linear-model.ts';
import { classificationReport } from '../src/learn/metrics.ts';
import { SENTIMENT_SPEC, type SentimentSpec, sentimentVector } from '../src/sentiment/features.ts';
import { SENTIMENT_LABELS, SENTIMENT_MODEL_URL } from '../src/sentiment/model-file.ts';
import {
  distinctRows,
  isEnglishRow,
  isTuningRow,
  type SentimentRow,
  sentimentRows,
} from '../src/sentiment/training-data.ts';
import type { SparseVector } from '../src/text/features.ts';

const FINAL_OPTIONS: TrainOptions = { epochs: 10, learningRate: 0.1, l2: 1e-6 };

/** Inverse label frequency, so the rarer classes (negative, in TweetEval) weigh as much in the loss. */
function classWeights(rows: SentimentRow[]): number[] {
  return SENTIMENT_LABELS.map(
    (l) => rows.length / (SENTIMENT_LABELS.length * rows.filter((r) => r.label === l).length),
  );
}

function fit(
  vectors: SparseVector[],
  rows: SentimentRow[],
  spec: SentimentSpec,
  options: TrainOptions,
): LinearModel {
  const data = rows.map((r, i) => ({ x: vectors[i] as SparseVector, y: SENTIMENT_LABELS.indexOf(r.label) }));
  return fitVectors(data, [...SENTIMENT_LABELS], spec, options);
}

function report(model: LinearModel, vectors: SparseVector[], rows: SentimentRow[]) {
  const predicted = vectors.map((x) => {
    const p = predictVector(model, x);
    let best = 0;
    for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
    return model.labels[best] as string;
  });
  const all = classificationReport(
    rows.map((r) => r.label),
    predicted,
  );
  const en = rows.map((r, i) => [r, predicted[i]] as const).filter(([r]) => isEnglishRow(r));
  const english = classificationReport(
    en.map(([r]) => r.label),
    en.map(([, p]) => p as string),
  );
  return `macroRecall ${all.macroRecall.toFixed(4)}  english ${english.macroRecall.toFixed(4)}`;
}

const { train } = sentimentRows();

if (process.argv.includes('--tune')) {
  const fitRows = distinctRows(train).filter((r) => !isTuningRow(r.text));
  const heldOut = train.filter((r) => isTuningRow(r.text));
  const weights = classWeights(fitRows);
  const specs: [string, SentimentSpec][] = [
    ['plain', { ...SENTIMENT_SPEC, extras: false, negation: false }],
    ['negation+extras', SENTIMENT_SPEC],
    ['chars 2-5', { ...SENTIMENT_SPEC, charNgrams: [2, 3, 4, 5] }],
    ['chars 1-4', { ...SENTIMENT_SPEC, charNgrams: [1, 2, 3, 4] }],
    ['bits 19', { ...SENTIMENT_SPEC, bits: 19 }],
  ];
  const grid: [string, TrainOptions][] = [
    ['e10 lr0.1 weighted', { ...FINAL_OPTIONS, classWeights: weights }],
    ['e15 lr0.05 weighted', { ...FINAL_OPTIONS, epochs: 15, learningRate: 0.05, classWeights: weights }],
  ];
  for (const [specName, spec] of specs) {
    const fitVectorsOf = fitRows.map((r) => sentimentVector(r.text, spec));
    const heldOutVectors = heldOut.map((r) => sentimentVector(r.text, spec));
    for (const [name, o] of specName === 'negation+extras' ? grid : grid.slice(0, 1)) {
      console.log(
        specName.padEnd(16),
        name.padEnd(26),
        report(fit(fitVectorsOf, fitRows, spec, o), heldOutVectors, heldOut),
      );
    }
  }
} else {
  const started = performance.now();
  const rows = distinctRows(train);
  const options = { ...FINAL_OPTIONS, classWeights: classWeights(rows) };
  const model = fit(
    rows.map((r) => sentimentVector(r.text)),
    rows,
    SENTIMENT_SPEC,
    options,
  );
  const seconds = (performance.now() - started) / 1000;
  const file = serializeLinearModel(model, {
    data: 'sentiment.train.jsonl (training split, one row per distinct text)',
    rows: rows.length,
    options,
    trainedAt: new Date().toISOString(),
  });
  writeFileSync(SENTIMENT_MODEL_URL, `${JSON.stringify(file)}\n`);
  const { evaluate } = await import('../src/evals/sentiment.ts');
  console.log(`trained on ${rows.length} rows in ${seconds.toFixed(1)} s`);
  console.log(await evaluate());
}
