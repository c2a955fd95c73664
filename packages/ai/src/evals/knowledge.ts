/**
 * Knowledge-base retrieval on the reporting half of the FAQ retrieval set (knowledge/faq-set.ts):
 * plain BM25 against the ranker used by replies, with mean average precision (top 100) and recall
 * at 1, 5 and 10 over both tasks (paraphrased questions against question + answer items; original
 * questions against answers only), the per-task MAP, and how long a 1,000-item index takes to build
 * and to answer one query.
 */

import { evaluateFaqRetrieval } from '../knowledge/faq-eval.ts';
import { loadFaqSet } from '../knowledge/faq-set.ts';
import { buildKbIndex, searchKb } from '../knowledge/kb-index.ts';
import type { KbItem } from '../knowledge/schema.ts';
import { readJsonl } from '../learn/dataset.ts';

const round = (x: number) => Math.round(x * 10000) / 10000;

/**
 * 1,000 FAQ-shaped items: support questions from the bitext file paired with the FAQ answers,
 * so lengths and vocabulary are those of a real knowledge base.
 */
function thousandItems(answers: readonly string[]): KbItem[] {
  const questions = readJsonl<{ text: string }>('intents.bitext-support.jsonl').map((r) => r.text);
  return Array.from({ length: 1000 }, (_, i) => ({
    id: `item-${i}`,
    question: questions[(i * 7) % questions.length] ?? '',
    answer: answers[i % answers.length] ?? '',
  }));
}

function timeSearch(set: ReturnType<typeof loadFaqSet>) {
  const items = thousandItems(set.items.map((i) => i.answer));
  const t0 = performance.now();
  const index = buildKbIndex(items);
  const buildMs = performance.now() - t0;
  const queries = set.queries.map((q) => q.query);
  const t1 = performance.now();
  for (const q of queries) searchKb(index, q, 10);
  return { buildMs, queryMs: (performance.now() - t1) / queries.length };
}

export async function evaluate(): Promise<Record<string, number>> {
  const set = loadFaqSet();
  const r = evaluateFaqRetrieval(set, 'reporting');
  const timing = timeSearch(set);
  return {
    queries: r.queries,
    mapBm25: round(r.bm25.all.map),
    mapRanker: round(r.ranker.all.map),
    recallAt1Bm25: round(r.bm25.all.recallAt1),
    recallAt1: round(r.ranker.all.recallAt1),
    recallAt5Bm25: round(r.bm25.all.recallAt5),
    recallAt5: round(r.ranker.all.recallAt5),
    recallAt10Bm25: round(r.bm25.all.recallAt10),
    recallAt10: round(r.ranker.all.recallAt10),
    mapBm25Paraphrase: round(r.bm25.paraphrase.map),
    mapRankerParaphrase: round(r.ranker.paraphrase.map),
    mapBm25AnswerOnly: round(r.bm25['answer-only'].map),
    mapRankerAnswerOnly: round(r.ranker['answer-only'].map),
    buildMs1000Items: round(timing.buildMs),
    queryMs1000Items: round(timing.queryMs),
  };
}
