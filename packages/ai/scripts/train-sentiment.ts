/**
 * Trains the sentiment models (packages/ai/models/sentiment.json) on the training split of
 * sentiment.train.jsonl: an NB-SVM for English on the English tweets, and one for the other seven
 * languages (and unknown ones) on all of them. `--tune` compares feature sets and learners by
 * five-fold cross-validation over the TRAINING rows and fits the softmax temperatures used below;
 * the development split is never seen here except by the final report.
 */
import { writeFileSync } from 'node:fs';
import { detectLanguage } from '../src/language/index.ts';
import { fitVectors, loadLinearModel, serializeLinearModel } from '../src/learn/linear-model.ts';
import { classificationReport } from '../src/learn/metrics.ts';
import { fitNbSvm, type NbSvmOptions } from '../src/learn/nb-svm.ts';
import { cueText } from '../src/sentiment/cues.ts';
import {
  ENGLISH_SPEC,
  MULTILINGUAL_SPEC,
  type SentimentSpec,
  sentimentVector,
} from '../src/sentiment/features.ts';
import { sentimentProbabilities } from '../src/sentiment/local-model.ts';
import {
  SENTIMENT_LABELS,
  SENTIMENT_MODEL_URL,
  type SentimentModel,
  type SentimentModelFile,
} from '../src/sentiment/model-file.ts';
import {
  distinctRows,
  isEnglishRow,
  type SentimentRow,
  sentimentRows,
  tuningFold,
} from '../src/sentiment/training-data.ts';

/** Chosen by `--tune` (C by macro recall, temperature by log-likelihood, both cross-validated). */
const ENGLISH_OPTIONS: NbSvmOptions = { C: 0.5, temperature: 1.25 };
const MULTILINGUAL_OPTIONS: NbSvmOptions = { C: 0.3, temperature: 1.38 };

type Learner = (rows: SentimentRow[], spec: SentimentSpec) => SentimentModel;

const labelIndex = (r: SentimentRow) => SENTIMENT_LABELS.indexOf(r.label);

function vectors(rows: SentimentRow[], spec: SentimentSpec) {
  return rows.map((r) => ({ x: sentimentVector(r.text, spec, r.language), y: labelIndex(r) }));
}

const nbSvm =
  (options: NbSvmOptions, weightOf?: (r: SentimentRow) => number): Learner =>
  (rows, spec) =>
    fitNbSvm(vectors(rows, spec), [...SENTIMENT_LABELS], spec, {
      ...options,
      ...(weightOf ? { rowWeights: rows.map(weightOf) } : {}),
    }) as SentimentModel;

/** The previous learner: multinomial logistic regression (AdaGrad), classes weighted inversely to frequency. */
const logistic: Learner = (rows, spec) => {
  const classWeights = SENTIMENT_LABELS.map(
    (l) => rows.length / (SENTIMENT_LABELS.length * rows.filter((r) => r.label === l).length),
  );
  return fitVectors(vectors(rows, spec), [...SENTIMENT_LABELS], spec, {
    epochs: 10,
    learningRate: 0.1,
    l2: 1e-6,
    classWeights,
  }) as SentimentModel;
};

const { train } = sentimentRows();
const detected = new Map<string, string>();
/** Held-out rows are read as in production: in the language the detector finds. */
const languageOf = (r: SentimentRow) => {
  const known = detected.get(r.text);
  if (known !== undefined) return known;
  const language = detectLanguage(r.text).language;
  detected.set(r.text, language);
  return language;
};

/** Out-of-fold probabilities of `rows` (a subset of the training rows), five folds. */
function crossValidate(
  learner: Learner,
  spec: SentimentSpec,
  fitOn: (r: SentimentRow) => boolean,
  rows: SentimentRow[],
): Float64Array[] {
  const out: Float64Array[] = new Array(rows.length);
  for (let fold = 0; fold < 5; fold++) {
    const fitted = learner(distinctRows(train.filter((r) => tuningFold(r.text) !== fold && fitOn(r))), spec);
    // Through the int8 file format, so what is measured is what would ship.
    const model = { ...loadLinearModel(serializeLinearModel(fitted)), spec };
    rows.forEach((r, i) => {
      if (tuningFold(r.text) !== fold) return;
      out[i] = sentimentProbabilities(model, r.text, cueText(r.text), languageOf(r));
    });
  }
  return out;
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] as number) > (p[best] as number)) best = c;
  return best;
}

function macroRecall(rows: SentimentRow[], probabilities: Float64Array[]) {
  const report = classificationReport(
    rows.map((r) => r.label),
    probabilities.map((p) => SENTIMENT_LABELS[argmax(p)] as string),
  );
  const per = Object.entries(report.perLabel)
    .map(([l, s]) => `${l} ${s.recall.toFixed(3)}`)
    .join(', ');
  return `macro recall ${report.macroRecall.toFixed(4)} (${per})`;
}

/** The softmax temperature that maximises the held-out log-likelihood of probabilities made at T = 1. */
function fitTemperature(rows: SentimentRow[], probabilities: Float64Array[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.25; t <= 8; t *= 1.05) {
    let loss = 0;
    rows.forEach((r, i) => {
      // log p at T = 1 is the margin minus a constant, so softmax(t · log p) is the model at T = t.
      const logits = Array.from(probabilities[i] as Float64Array, (p) => t * Math.log(Math.max(p, 1e-300)));
      const max = Math.max(...logits);
      const sum = logits.reduce((a, v) => a + Math.exp(v - max), 0);
      loss -= (logits[labelIndex(r)] as number) - max - Math.log(sum);
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

const english = train.filter(isEnglishRow);
const others = train.filter((r) => !isEnglishRow(r));

if (process.argv.includes('--tune')) {
  const onlyEnglish = (r: SentimentRow) => isEnglishRow(r);
  const all = () => true;
  const englishRuns: [string, Learner, SentimentSpec, (r: SentimentRow) => boolean][] = [
    ['logistic regression on all languages', logistic, MULTILINGUAL_SPEC, all],
    ['logistic regression', logistic, ENGLISH_SPEC, onlyEnglish],
    ['SVM without NB scaling, C 0.5', nbSvm({ C: 0.5, naiveBayes: false }), ENGLISH_SPEC, onlyEnglish],
    ['NB-SVM C 0.3', nbSvm({ C: 0.3 }), ENGLISH_SPEC, onlyEnglish],
    ['NB-SVM C 0.5 (chosen)', nbSvm({ C: 0.5 }), ENGLISH_SPEC, onlyEnglish],
    ['NB-SVM C 1', nbSvm({ C: 1 }), ENGLISH_SPEC, onlyEnglish],
    ['  without lexicon etc.', nbSvm({ C: 0.5 }), { ...ENGLISH_SPEC, extras: false }, onlyEnglish],
    ['  without negation', nbSvm({ C: 0.5 }), { ...ENGLISH_SPEC, negation: false }, onlyEnglish],
    ['  chars in the word block', nbSvm({ C: 0.5 }), { ...ENGLISH_SPEC, charWeight: undefined }, onlyEnglish],
    ['  no char n-grams', nbSvm({ C: 0.5 }), { ...ENGLISH_SPEC, charNgrams: [] }, onlyEnglish],
    ['  + other languages × 0.1', nbSvm({ C: 0.5 }, (r) => (isEnglishRow(r) ? 1 : 0.1)), ENGLISH_SPEC, all],
  ];
  console.log(`English rows (${english.length}), five-fold cross-validation on the training split:`);
  for (const [name, learner, spec, fitOn] of englishRuns)
    console.log(`  ${name.padEnd(38)} ${macroRecall(english, crossValidate(learner, spec, fitOn, english))}`);

  const multilingualRuns: [string, Learner, SentimentSpec][] = [
    ['logistic regression', logistic, MULTILINGUAL_SPEC],
    ['NB-SVM C 0.3, no language copies', nbSvm({ C: 0.3 }), { ...MULTILINGUAL_SPEC, languageCopies: false }],
    ['NB-SVM C 0.3 (chosen)', nbSvm({ C: 0.3 }), MULTILINGUAL_SPEC],
    ['NB-SVM C 1', nbSvm({ C: 1 }), MULTILINGUAL_SPEC],
  ];
  console.log(`\nOther languages (${others.length} rows), multilingual model trained on all eight:`);
  for (const [name, learner, spec] of multilingualRuns)
    console.log(`  ${name.padEnd(38)} ${macroRecall(others, crossValidate(learner, spec, all, others))}`);

  // The chosen pair at T = 1, routed by detected language as in production; temperatures from it.
  const englishP = crossValidate(
    nbSvm({ ...ENGLISH_OPTIONS, temperature: 1 }),
    ENGLISH_SPEC,
    onlyEnglish,
    train,
  );
  const multilingualP = crossValidate(
    nbSvm({ ...MULTILINGUAL_OPTIONS, temperature: 1 }),
    MULTILINGUAL_SPEC,
    all,
    train,
  );
  const routedToEnglish = train.map((r) => languageOf(r) === 'en');
  const routed = train.map((_, i) => (routedToEnglish[i] ? englishP : multilingualP)[i] as Float64Array);
  console.log(`\nChosen models, every training row routed by its detected language:`);
  console.log(`  all ${macroRecall(train, routed)}`);
  console.log(
    `  English ${macroRecall(
      english,
      routed.filter((_, i) => isEnglishRow(train[i] as SentimentRow)),
    )}`,
  );
  const pick = (want: boolean) => train.filter((_, i) => routedToEnglish[i] === want);
  const pickP = (p: Float64Array[], want: boolean) => p.filter((_, i) => routedToEnglish[i] === want);
  console.log(
    `  temperatures: English ${fitTemperature(pick(true), pickP(englishP, true))}, ` +
      `multilingual ${fitTemperature(pick(false), pickP(multilingualP, false))}`,
  );
} else {
  const started = performance.now();
  const englishRows = distinctRows(english);
  const allRows = distinctRows(train);
  const englishModel = nbSvm(ENGLISH_OPTIONS)(englishRows, ENGLISH_SPEC);
  const multilingualModel = nbSvm(MULTILINGUAL_OPTIONS)(allRows, MULTILINGUAL_SPEC);
  const seconds = (performance.now() - started) / 1000;
  const file: SentimentModelFile = {
    format: 'replyforce-sentiment-v2',
    english: serializeLinearModel(englishModel, {
      data: 'sentiment.train.jsonl, training split, English rows, one per distinct text',
      rows: englishRows.length,
      learner: 'NB-SVM',
      options: ENGLISH_OPTIONS,
    }),
    multilingual: serializeLinearModel(multilingualModel, {
      data: 'sentiment.train.jsonl, training split, all eight languages, one row per distinct text',
      rows: allRows.length,
      learner: 'NB-SVM',
      options: MULTILINGUAL_OPTIONS,
    }),
    meta: { trainedAt: new Date().toISOString() },
  };
  writeFileSync(SENTIMENT_MODEL_URL, `${JSON.stringify(file)}\n`);
  const { evaluate } = await import('../src/evals/sentiment.ts');
  console.log(
    `trained on ${englishRows.length} English and ${allRows.length} rows in ${seconds.toFixed(1)} s`,
  );
  console.log(await evaluate());
}
