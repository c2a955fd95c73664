/**
 * Intent engine on CLINC150 (150 intents + out-of-scope): trained on the train split of the shared
 * file (oos rows included), measured on its development split; and on banking77 (no oos rows).
 * Figures are percentages; time in seconds, memory in MB.
 */

import { loadIntentEngine, OOS, trainIntentEngine } from '../intent-engine/index.ts';
import { readJsonl, splitRows } from '../learn/dataset.ts';

type Row = { text: string; intent: string };

function measure(file: string) {
  const { train, dev } = splitRows(readJsonl<Row>(file));
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const engineFile = trainIntentEngine(train);
  const trainSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const engine = loadIntentEngine(engineFile);
  let inScope = 0;
  let inScopeRight = 0;
  let oos = 0;
  let oosCaught = 0;
  let predictedOos = 0;
  const t0 = performance.now();
  for (const r of dev) {
    const { intent } = engine.classify(r.text);
    if (intent === OOS) predictedOos++;
    if (r.intent === OOS) {
      oos++;
      if (intent === OOS) oosCaught++;
    } else {
      inScope++;
      if (intent === r.intent) inScopeRight++;
    }
  }
  const classifyMs = (performance.now() - t0) / dev.length;
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  return {
    trainExamples: train.length,
    inScopeAccuracy: pct(inScopeRight, inScope),
    ...(oos
      ? { oosRecall: pct(oosCaught, oos), oosPrecision: pct(oosCaught, predictedOos), oosDevRows: oos }
      : {}),
    oosRate: pct(predictedOos, dev.length),
    threshold: engineFile.threshold,
    trainSeconds,
    peakRssMb: peakRss / 1e6,
    rssGrowthMb: (peakRss - rssBefore) / 1e6,
    fileMb: JSON.stringify(engineFile).length / 1e6,
    classifyMs,
  };
}

export async function evaluate(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, file] of [
    ['clinc150', 'intents.clinc150.train.jsonl'],
    ['banking77', 'intents.banking77.train.jsonl'],
  ] as const) {
    for (const [k, v] of Object.entries(measure(file))) out[`${name}.${k}`] = Math.round(v * 1000) / 1000;
  }
  return out;
}
