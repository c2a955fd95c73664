export type Percentiles = { samples: number; p50: number; p90: number; p99: number; max: number };

/** Nearest-rank percentiles (as bench/lib.ts computes them); NaN when there is no sample. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
  return {
    samples: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}
