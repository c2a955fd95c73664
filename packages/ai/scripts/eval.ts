// `npm run eval`: each stage's quality on the development split (never seen by training) and the
// local pipeline's latency; writes bench/results/eval.json.
import { writeResult } from '../../../bench/results.ts';

const STAGES = [
  'language',
  'sentiment',
  'intent',
  'intent-engine',
  'guards',
  'knowledge',
  'pipeline',
] as const;

const results: Record<string, Record<string, number>> = {};
let failed = 0;
for (const stage of STAGES) {
  const started = performance.now();
  try {
    const mod = (await import(`../src/evals/${stage}.ts`)) as {
      evaluate: () => Promise<Record<string, number>>;
    };
    results[stage] = await mod.evaluate();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${stage} (${seconds} s)`);
    for (const [k, v] of Object.entries(results[stage] ?? {})) console.log(`  ${k.padEnd(28)} ${fmt(v)}`);
  } catch (err) {
    failed++;
    console.error(`\n${stage}: FAILED — ${err instanceof Error ? err.message : String(err)}`);
  }
}
writeResult('eval', results);
console.log('\nwritten to bench/results/eval.json');
if (failed) process.exitCode = 1;

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}
