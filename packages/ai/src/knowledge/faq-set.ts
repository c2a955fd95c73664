/**
 * The FAQ retrieval set, built from the COVID-QA FAQ file (deepset-ai/COVID-QA, ~210 question and
 * answer pairs from CDC, ECDC, WHO and others). Two tasks over the same items:
 *  - "paraphrase": the knowledge base holds question + answer; each query is the stored question
 *    rewritten the way a customer might type it (rewrite-query.ts), never the stored text itself;
 *  - "answer-only": the knowledge base holds answers only (like document chunks); each query is
 *    the original question.
 * A query is relevant to every item with the same answer text. Exact duplicate rows are dropped.
 * Queries of questions that `isDevelopment` selects form the reporting half; the rest may be used
 * to tune the ranker. Both queries derived from one question fall in the same half.
 */
import { readFileSync } from 'node:fs';
import { dataDir, isDevelopment } from '../learn/dataset.ts';
import { parseCsvRecords } from './csv.ts';
import { rewriteQuestion } from './rewrite-query.ts';
import type { KbItem } from './schema.ts';

export type FaqTask = 'paraphrase' | 'answer-only';

export type FaqQuery = { task: FaqTask; query: string; relevant: Set<string>; reporting: boolean };

export type FaqSet = {
  /** Question + answer items, the knowledge base of the paraphrase task. */
  items: KbItem[];
  /** The same items with the question removed, the knowledge base of the answer-only task. */
  answersOnly: KbItem[];
  queries: FaqQuery[];
};

export function loadFaqSet(file = `${dataDir()}/faq.covid-qa.csv`): FaqSet {
  const seen = new Set<string>();
  const items: KbItem[] = [];
  for (const row of parseCsvRecords(readFileSync(file, 'utf8'))) {
    const question = (row.question ?? '').trim();
    const answer = (row.answer ?? '').trim();
    if (!question || !answer || seen.has(`${question}\n${answer}`)) continue;
    seen.add(`${question}\n${answer}`);
    items.push({ id: `covid-${items.length + 1}`, question, answer });
  }
  const idsByAnswer = new Map<string, Set<string>>();
  for (const item of items) {
    const ids = idsByAnswer.get(item.answer) ?? new Set<string>();
    ids.add(item.id);
    idsByAnswer.set(item.answer, ids);
  }
  const queries: FaqQuery[] = [];
  for (const item of items) {
    const question = item.question ?? '';
    const relevant = idsByAnswer.get(item.answer)!;
    const reporting = isDevelopment(question);
    queries.push({ task: 'paraphrase', query: rewriteQuestion(question), relevant, reporting });
    queries.push({ task: 'answer-only', query: question, relevant, reporting });
  }
  return { items, answersOnly: items.map(({ id, answer }) => ({ id, answer })), queries };
}
