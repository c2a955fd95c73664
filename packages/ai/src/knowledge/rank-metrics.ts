/** Ranking quality of one query: average precision and recall at cut-offs, over a ranked id list. */
export function averagePrecision(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  let sum = 0;
  ranked.forEach((id, i) => {
    if (relevant.has(id)) {
      found++;
      sum += found / (i + 1);
    }
  });
  return sum / relevant.size;
}

export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) found++;
  return found / relevant.size;
}

export type RankingReport = { map: number; recallAt1: number; recallAt5: number; recallAt10: number };

/** Mean over queries; `rankings[i]` answers `relevant[i]`. */
export function rankingReport(
  rankings: readonly (readonly string[])[],
  relevant: readonly ReadonlySet<string>[],
): RankingReport {
  const n = rankings.length;
  const mean = (f: (ranked: readonly string[], rel: ReadonlySet<string>) => number) =>
    n === 0 ? 0 : rankings.reduce((a, r, i) => a + f(r, relevant[i]!), 0) / n;
  return {
    map: mean(averagePrecision),
    recallAt1: mean((r, rel) => recallAt(r, rel, 1)),
    recallAt5: mean((r, rel) => recallAt(r, rel, 5)),
    recallAt10: mean((r, rel) => recallAt(r, rel, 10)),
  };
}
