/**
 * Training a tenant's engine from its labelled examples. The model is a softmax over an exact,
 * pruned n-gram vocabulary; examples labelled `oos` become a class of their own. The `oos`
 * threshold is chosen on data the model did not train on: a held-out eighth of the examples (or
 * out-of-fold predictions for small sets), never on the data it is later measured with.
 */
import { z } from 'zod';
import { chooseThreshold, heldOutScores } from './calibrate.ts';
import { buildVocabulary, inverseDocumentFrequency, vectorize } from './features.ts';
import { encodeEngine, type IntentEngineFile, OOS } from './model-file.ts';
import { packRows, trainSoftmax } from './softmax.ts';

export type { IntentEngineFile } from './model-file.ts';

export type IntentEngineOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Keep n-grams seen in at least this many examples (default 1 under 1,000 examples, then 2, 3). */
  minCount?: number;
  /** Drop weights below this share of their intent's largest weight (default 0.02). */
  prune?: number;
  /** In-scope accuracy the threshold may give up on held-out data to catch out-of-scope text (0.005). */
  maxInScopeLoss?: number;
  /** Use this threshold instead of calibrating one. */
  threshold?: number;
  seed?: number;
};

export type Example = { text: string; intent: string };

const ExamplesSchema = z
  .array(z.object({ text: z.string(), intent: z.string().trim().min(1, 'intent must not be empty') }))
  .min(1, 'trainIntentEngine needs at least one example');

/** With fewer examples than this there is too little to hold out; a fixed threshold is used. */
const MIN_CALIBRATION_EXAMPLES = 10;
const DEFAULT_THRESHOLD = 0.35;

export function trainIntentEngine(examples: Example[], options: IntentEngineOptions = {}): IntentEngineFile {
  const parsed = ExamplesSchema.safeParse(examples);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid training examples: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const rows = parsed.data.filter((e) => e.text.trim() !== '');
  if (rows.length === 0) throw new Error('invalid training examples: every example text is empty');
  if (rows.every((r) => r.intent === OOS)) throw new Error('invalid training examples: only oos examples');

  let threshold = options.threshold;
  let calibration = 'fixed';
  if (threshold === undefined && rows.length >= MIN_CALIBRATION_EXAMPLES) {
    const held = heldOutScores(rows, (part) => fitEngine(part, options, 0));
    threshold = chooseThreshold(held.scores, options.maxInScopeLoss ?? 0.005);
    calibration = held.method;
  }
  return fitEngine(rows, options, threshold ?? DEFAULT_THRESHOLD, { calibration });
}

/** One fit on `rows` with a given threshold (used for the final model and for calibration). */
export function fitEngine(
  rows: Example[],
  options: IntentEngineOptions,
  threshold: number,
  meta?: Record<string, unknown>,
): IntentEngineFile {
  const n = rows.length;
  const minCount = options.minCount ?? (n >= 5000 ? 3 : n >= 1000 ? 2 : 1);
  const classes = [...new Set(rows.map((r) => r.intent))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const { vocab, df } = buildVocabulary(
    rows.map((r) => r.text),
    minCount,
  );
  const idf = inverseDocumentFrequency(df, n);
  const unseenIdf = Math.log(1 + n) + 1;
  const packed = packRows(n, (i) => {
    const r = rows[i] as Example;
    return { x: vectorize(r.text, vocab, idf, unseenIdf), y: classIndex.get(r.intent) ?? 0 };
  });
  // Small sets need more passes to converge; large ones converge in a few.
  const epochs = options.epochs ?? Math.min(40, Math.max(8, Math.round(20_000 / n)));
  const model = trainSoftmax(packed, vocab.size, classes.length, {
    epochs,
    learningRate: options.learningRate ?? 0.5,
    l2: options.l2 ?? 1e-6,
    seed: options.seed ?? 42,
  });
  return encodeEngine(model, classes, vocab, df, n, threshold, options.prune ?? 0.02, {
    examples: n,
    intents: classes.length,
    features: vocab.size,
    epochs,
    ...meta,
  });
}
