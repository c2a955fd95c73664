/**
 * Scores a ranker on one half of the FAQ retrieval set (faq-set.ts): MAP over the top 100 and
 * recall at 1, 5 and 10, for the BM25 baseline and for the ranker, per task and over both tasks.
 */
import { buildBm25Index, searchBm25 } from './baseline.ts';
import type { FaqQuery, FaqSet, FaqTask } from './faq-set.ts';
import { buildKbIndex, type KbRankerOptions, searchKb } from './kb-index.ts';
import { type RankingReport, rankingReport } from './rank-metrics.ts';

const DEPTH = 100;

export type Half = 'tuning' | 'reporting';

export type FaqEvalResult = {
  queries: number;
  bm25: Record<FaqTask | 'all', RankingReport>;
  ranker: Record<FaqTask | 'all', RankingReport>;
};

function inHalf(q: FaqQuery, half: Half): boolean {
  return half === 'reporting' ? q.reporting : !q.reporting;
}

export function evaluateFaqRetrieval(
  set: FaqSet,
  half: Half,
  ranker: Partial<KbRankerOptions> = {},
): FaqEvalResult {
  const queries = set.queries.filter((q) => inHalf(q, half));
  const bm25 = { paraphrase: buildBm25Index(set.items), 'answer-only': buildBm25Index(set.answersOnly) };
  const ours = {
    paraphrase: buildKbIndex(set.items, ranker),
    'answer-only': buildKbIndex(set.answersOnly, ranker),
  };
  const report = (search: (q: FaqQuery) => string[], task?: FaqTask) => {
    const selected = queries.filter((q) => !task || q.task === task);
    return rankingReport(
      selected.map(search),
      selected.map((q) => q.relevant),
    );
  };
  const baseline = (q: FaqQuery) => searchBm25(bm25[q.task], q.query, DEPTH).map((h) => h.id);
  const improved = (q: FaqQuery) => searchKb(ours[q.task], q.query, DEPTH).map((h) => h.id);
  return {
    queries: queries.length,
    bm25: {
      paraphrase: report(baseline, 'paraphrase'),
      'answer-only': report(baseline, 'answer-only'),
      all: report(baseline),
    },
    ranker: {
      paraphrase: report(improved, 'paraphrase'),
      'answer-only': report(improved, 'answer-only'),
      all: report(improved),
    },
  };
}
