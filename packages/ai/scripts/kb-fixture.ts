/**
 * The FAQ retrieval set outside the eval.
 *   node packages/ai/scripts/kb-fixture.ts --out DIR   writes kb.jsonl, kb-answers.jsonl and
 *       queries.jsonl ({query, task, relevant, reporting}) for `replyforce kb search` end-to-end runs;
 *   node packages/ai/scripts/kb-fixture.ts --tune      grid-searches the ranker on the TUNING half
 *       only (never the reporting half), printing mean average precision over both tasks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { evaluateFaqRetrieval } from '../src/knowledge/faq-eval.ts';
import { loadFaqSet } from '../src/knowledge/faq-set.ts';
import type { KbRankerOptions } from '../src/knowledge/kb-index.ts';

const set = loadFaqSet();
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');

if (outAt >= 0) {
  const dir = args[outAt + 1] ?? '.';
  mkdirSync(dir, { recursive: true });
  const lines = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
  writeFileSync(`${dir}/kb.jsonl`, lines(set.items));
  writeFileSync(`${dir}/kb-answers.jsonl`, lines(set.answersOnly));
  writeFileSync(`${dir}/queries.jsonl`, lines(set.queries.map((q) => ({ ...q, relevant: [...q.relevant] }))));
  console.log(`wrote ${set.items.length} items and ${set.queries.length} queries to ${dir}`);
}

if (args.includes('--tune')) {
  const results: { options: Partial<KbRankerOptions>; map: number; para: number; answers: number }[] = [];
  for (const stopWordWeight of [0, 0.3, 1])
    for (const questionWeight of [1, 1.5, 2, 3])
      for (const charN of [0, 3, 4, 5])
        for (const charWeight of charN === 0 ? [0] : [0.3, 0.6, 1]) {
          const options = { stopWordWeight, questionWeight, charN, charWeight };
          const r = evaluateFaqRetrieval(set, 'tuning', options).ranker;
          results.push({ options, map: r.all.map, para: r.paraphrase.map, answers: r['answer-only'].map });
        }
  const base = evaluateFaqRetrieval(set, 'tuning').bm25;
  console.log(`BM25 baseline (tuning half): MAP ${base.all.map.toFixed(4)}`);
  results.sort((x, y) => y.map - x.map);
  for (const r of results.slice(0, 15)) {
    const f = (x: number) => x.toFixed(4);
    console.log(f(r.map), f(r.para), f(r.answers), JSON.stringify(r.options));
  }
}
