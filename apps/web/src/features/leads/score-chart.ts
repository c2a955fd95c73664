export interface ChartBox {
  width: number;
  height: number;
  /** Room left around the plot for the dots and the threshold labels. */
  padding: number;
}

export interface ChartPoint {
  x: number;
  y: number;
  score: number;
}

/** Score 0 at the bottom, 100 at the top. */
export function scoreToY(score: number, box: ChartBox): number {
  const clamped = Math.max(0, Math.min(100, score));
  return box.padding + ((100 - clamped) / 100) * (box.height - 2 * box.padding);
}

/**
 * One point per score change, evenly spaced in the order they happened: the steps matter more
 * than the time between them, and a burst of messages would otherwise pile up in one spot.
 */
export function chartPoints(scores: readonly number[], box: ChartBox): ChartPoint[] {
  const inner = box.width - 2 * box.padding;
  if (scores.length === 1) {
    const score = scores[0] as number;
    return [{ x: box.padding + inner / 2, y: scoreToY(score, box), score }];
  }
  const step = scores.length > 1 ? inner / (scores.length - 1) : 0;
  return scores.map((score, index) => ({
    x: box.padding + index * step,
    y: scoreToY(score, box),
    score,
  }));
}

/** The SVG path of a step line: the score holds until the next change. */
export function stepPath(points: readonly ChartPoint[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points as [ChartPoint, ...ChartPoint[]];
  let d = `M${round(first.x)},${round(first.y)}`;
  let y = first.y;
  for (const point of rest) {
    d += ` H${round(point.x)}`;
    if (point.y !== y) d += ` V${round(point.y)}`;
    y = point.y;
  }
  return d;
}

/** "Score over time: 20, 45, 80 (now)" — what the chart shows, for people who cannot see it. */
export function describeScores(scores: readonly number[]): string {
  if (scores.length === 0) return 'No score changes yet';
  const shown = scores.length > 12 ? ['…', ...scores.slice(-12)] : scores;
  return `Score over time: ${shown.join(', ')} (now)`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
