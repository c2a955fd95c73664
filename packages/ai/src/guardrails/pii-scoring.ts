/**
 * Precision and recall of PII spans against gold spans, per type. A found span counts only when
 * type, start and end all match a gold span: redacting half a phone number is a miss.
 */
import { PII_TYPES, type PiiType } from './schema.ts';

type Span = { type: string; start: number; end: number };
export type PiiScores = Record<PiiType, { precision: number; recall: number; gold: number; found: number }>;

export function scorePiiSpans(examples: { gold: Span[]; found: Span[] }[]): PiiScores {
  const counts = new Map<string, { tp: number; gold: number; found: number }>();
  for (const type of PII_TYPES) counts.set(type, { tp: 0, gold: 0, found: 0 });
  for (const { gold, found } of examples) {
    for (const g of gold) {
      const c = counts.get(g.type);
      if (c) c.gold++;
    }
    for (const f of found) {
      const c = counts.get(f.type);
      if (!c) continue;
      c.found++;
      if (gold.some((g) => g.type === f.type && g.start === f.start && g.end === f.end)) c.tp++;
    }
  }
  const scores = {} as PiiScores;
  for (const type of PII_TYPES) {
    const c = counts.get(type) ?? { tp: 0, gold: 0, found: 0 };
    scores[type] = {
      precision: c.found ? c.tp / c.found : 1,
      recall: c.gold ? c.tp / c.gold : 1,
      gold: c.gold,
      found: c.found,
    };
  }
  return scores;
}
