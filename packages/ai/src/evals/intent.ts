/**
 * Social intent (classifyIntent, model + rules) on the development split of the mapped public data
 * — agreement with the mapping in training-map.ts, which defines the labels — and on the
 * hand-labelled fixture of realistic DMs/comments (test/fixtures/social-intents.jsonl, a sanity
 * check that was never trained on). Figures are percentages; times in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { classifyIntent, warmIntentModel } from '../intent/local-model.ts';
import { socialSplit } from '../intent/social-data.ts';
import { classificationReport } from '../learn/metrics.ts';

type Fixture = { text: string; intent: string; topic: string; isQuestion: boolean };

export function readSocialFixture(): Fixture[] {
  return readFileSync(new URL('../../test/fixtures/social-intents.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Fixture);
}

export async function evaluate(): Promise<Record<string, number>> {
  const loadStart = performance.now();
  warmIntentModel();
  const loadMs = performance.now() - loadStart;
  const { dev } = socialSplit();
  const times: number[] = [];
  const predicted = dev.map((r) => {
    const t = performance.now();
    const p = classifyIntent(r.text);
    times.push(performance.now() - t);
    return p;
  });
  const intent = classificationReport(
    dev.map((r) => r.intent),
    predicted.map((p) => p.label),
  );
  const topic = classificationReport(
    dev.map((r) => r.topic),
    predicted.map((p) => p.topic),
  );
  const fixture = readSocialFixture();
  const onFixture = fixture.map((f) => classifyIntent(f.text));
  const share = (ok: (i: number) => boolean) =>
    (100 * fixture.filter((_, i) => ok(i)).length) / fixture.length;
  times.sort((a, b) => a - b);
  const out: Record<string, number> = {
    'dev.n': dev.length,
    'dev.accuracy': 100 * intent.accuracy,
    'dev.macroF1': 100 * intent.macroF1,
    'dev.topicAccuracy': 100 * topic.accuracy,
    'dev.topicMacroF1': 100 * topic.macroF1,
    'fixture.n': fixture.length,
    'fixture.accuracy': share((i) => onFixture[i]?.label === fixture[i]?.intent),
    'fixture.topicAccuracy': share((i) => onFixture[i]?.topic === fixture[i]?.topic),
    'fixture.isQuestionAccuracy': share((i) => onFixture[i]?.isQuestion === fixture[i]?.isQuestion),
    loadMs,
    p50Ms: times[Math.floor(times.length / 2)] ?? 0,
    p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
  };
  for (const [label, m] of Object.entries(intent.perLabel)) out[`dev.f1.${label}`] = 100 * m.f1;
  for (const k of Object.keys(out)) out[k] = Math.round((out[k] as number) * 100) / 100;
  return out;
}
