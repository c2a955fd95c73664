import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildKbIndex, searchKb } from '../knowledge/kb-index.ts';
import { readJsonl, splitRows } from '../learn/dataset.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { sampleInput } from './sample-input.ts';

const FAQ = [
  { id: 'price', question: "What's the price of the Pro plan?", answer: 'The Pro plan is $49 per month.' },
  { id: 'hours', question: 'What are your opening hours?', answer: 'We are open 7:00–19:00 on weekdays.' },
  { id: 'delivery', question: 'Do you deliver?', answer: 'Yes, free delivery within 10 km over $25.' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * The whole local pipeline (no model configured) on development-split texts of every data set:
 * per-message latency on this one thread, and the cold start of a fresh process (import, model
 * loading, first message).
 */
export async function evaluate(): Promise<Record<string, number>> {
  const texts = [
    ...splitRows(readJsonl<{ text: string }>('sentiment.train.jsonl')).dev.slice(0, 1500),
    ...splitRows(readJsonl<{ text: string }>('intents.bitext-support.jsonl')).dev.slice(0, 500),
    ...splitRows(readJsonl<{ text: string }>('spam.sms.train.jsonl')).dev.slice(0, 500),
  ].map((r) => r.text);
  const index = buildKbIndex(FAQ);
  const search = async (q: string) =>
    searchKb(index, q, 3).map((h) => {
      const f = FAQ.find((x) => x.id === h.id);
      return { id: h.id, kind: 'faq' as const, question: f?.question ?? null, text: f?.answer ?? '' };
    });
  for (const text of texts.slice(0, 50)) await runPipeline(sampleInput(text, search)); // warm-up
  const ms: number[] = [];
  for (const text of texts) {
    const t = performance.now();
    await runPipeline(sampleInput(text, search));
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return {
    messages: ms.length,
    p50Ms: round(percentile(ms, 50)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(ms.at(-1) ?? 0),
    coldStartMs: coldStart(),
  };
}

/** A fresh Node process: time from its start to the first analysed message. */
function coldStart(): number {
  const script = fileURLToPath(new URL('./cold-start.ts', import.meta.url));
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  return round(Number(out.trim()));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
