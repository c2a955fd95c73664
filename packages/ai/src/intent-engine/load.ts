/**
 * A loaded engine. Confidence is the top intent's probability times the text's word coverage (the
 * IDF-weighted share of its words the tenant's examples contain): text made of words the tenant
 * never used is out of scope however the softmax happens to lean, and with a single intent the
 * coverage is the only evidence there is.
 */
import { vectorize } from './features.ts';
import { type DecodedEngine, decodeEngine, type IntentEngineFile, OOS } from './model-file.ts';
import { softmaxInPlace } from './softmax.ts';

export type IntentEngine = {
  classify(text: string): { intent: string; confidence: number };
  /** The tenant's intents (never `oos`). */
  intents: string[];
};

/** Top class and its confidence before the threshold is applied. */
export function scoreText(
  engine: DecodedEngine,
  text: string,
): { intent: string; probability: number; confidence: number } {
  const k = engine.classes.length;
  const x = vectorize(text, engine.vocab, engine.idf, engine.unseenIdf);
  const scores = new Float64Array(k);
  for (let c = 0; c < k; c++) scores[c] = engine.bias[c] as number;
  for (let f = 0; f < x.idx.length; f++) {
    const id = x.idx[f] as number;
    const v = x.val[f] as number;
    const end = engine.offsets[id + 1] as number;
    for (let e = engine.offsets[id] as number; e < end; e++) {
      const c = engine.entryClasses[e] as number;
      scores[c] = (scores[c] as number) + (engine.entryWeights[e] as number) * v;
    }
  }
  softmaxInPlace(scores, k);
  let best = 0;
  for (let c = 1; c < k; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
  const probability = scores[best] as number;
  return { intent: engine.classes[best] as string, probability, confidence: probability * x.coverage };
}

export function loadIntentEngine(file: IntentEngineFile): IntentEngine {
  const engine = decodeEngine(file);
  return {
    intents: engine.classes.filter((c) => c !== OOS),
    classify(text: string) {
      if (typeof text !== 'string') throw new TypeError('classify expects a string');
      // Long texts are cut: intents are decided in the first lines, and scoring stays bounded.
      const { intent, probability, confidence } = scoreText(engine, text.slice(0, 4000));
      if (intent === OOS) return { intent: OOS, confidence: probability };
      if (confidence < engine.threshold) return { intent: OOS, confidence: 1 - confidence };
      return { intent, confidence };
    },
  };
}
