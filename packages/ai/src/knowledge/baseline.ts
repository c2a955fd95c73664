/**
 * The reference ranker: plain BM25 (k1 1.2, b 0.75) over lower-case word tokens of question and
 * answer as one text. No stemming, stop words or typo handling; the improved ranker must beat it.
 */
import { addBm25Scores, type Bm25Field, buildField, topIds } from './bm25.ts';
import { type KbHit, KbItem } from './schema.ts';

export type Bm25Index = { ids: string[]; field: Bm25Field };

const WORD = /[\p{L}\p{N}]+/gu;

function plainTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function buildBm25Index(items: readonly KbItem[]): Bm25Index {
  const parsed = KbItem.array().parse(items);
  return {
    ids: parsed.map((i) => i.id),
    field: buildField(parsed.map((i) => plainTokens(`${i.question ?? ''} ${i.answer}`))),
  };
}

export function searchBm25(index: Bm25Index, query: string, k: number): KbHit[] {
  const scores = new Float64Array(index.ids.length);
  addBm25Scores(index.field, plainTokens(query), { k1: 1.2, b: 0.75 }, 1, scores);
  return topIds(index.ids, scores, k);
}
