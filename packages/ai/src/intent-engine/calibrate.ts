/**
 * Choosing the out-of-scope threshold from predictions on examples the model did not see. The rule
 * works with or without `oos` examples: take the highest threshold that costs at most
 * `maxInScopeLoss` of in-scope accuracy (rejecting a wrong answer costs nothing, so the threshold
 * rises until it starts eating right ones). On CLINC150 the default half-point budget lands near 0.15–0.2.
 */

import { scoreText } from './load.ts';
import { decodeEngine, type IntentEngineFile, OOS } from './model-file.ts';

export type HeldOutScore = { gold: string; predicted: string; confidence: number };

const FOLDS = 5;
/** From this size a single held-out eighth is enough (and five fits would cost too much time). */
const SINGLE_SPLIT_FROM = 1000;

/** A stable fold for each text, independent of the dataset's own development split. */
function foldOf(text: string, folds: number): number {
  let h = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 3) % folds;
}

export function heldOutScores<T extends { text: string; intent: string }>(
  rows: T[],
  fit: (part: T[]) => IntentEngineFile,
): { scores: HeldOutScore[]; method: string } {
  const single = rows.length >= SINGLE_SPLIT_FROM;
  const folds = single ? 8 : FOLDS;
  const rounds = single ? 1 : FOLDS;
  const scores: HeldOutScore[] = [];
  for (let fold = 0; fold < rounds; fold++) {
    const train = rows.filter((r) => foldOf(r.text, folds) !== fold);
    const held = rows.filter((r) => foldOf(r.text, folds) === fold);
    if (held.length === 0 || train.every((r) => r.intent === OOS) || train.length === 0) continue;
    const engine = decodeEngine(fit(train));
    for (const r of held) {
      const s = scoreText(engine, r.text);
      scores.push({ gold: r.intent, predicted: s.intent, confidence: s.confidence });
    }
  }
  return { scores, method: single ? 'held-out eighth' : `${FOLDS}-fold out-of-fold` };
}

export function chooseThreshold(scores: HeldOutScore[], maxInScopeLoss: number): number {
  const inScope = scores.filter((s) => s.gold !== OOS);
  const correct = inScope
    .filter((s) => s.predicted === s.gold)
    .map((s) => s.confidence)
    .sort((a, b) => a - b);
  if (correct.length === 0) return 0;
  const allowed = Math.floor(maxInScopeLoss * inScope.length);
  // Rejecting `allowed` right answers is within budget; the next one sets the threshold.
  const threshold = correct[Math.min(allowed, correct.length - 1)] as number;
  return Math.min(0.95, threshold);
}
