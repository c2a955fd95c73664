import { describe, expect, it } from 'vitest';
import { chartPoints, describeScores, scoreToY, stepPath } from './score-chart.ts';

const box = { width: 120, height: 120, padding: 10 };

describe('score history chart', () => {
  it('puts 100 at the top and 0 at the bottom, clamping the rest', () => {
    expect(scoreToY(100, box)).toBe(10);
    expect(scoreToY(0, box)).toBe(110);
    expect(scoreToY(50, box)).toBe(60);
    expect(scoreToY(140, box)).toBe(10);
  });

  it('spaces the changes evenly and centres a single one', () => {
    expect(chartPoints([20, 50, 80], box).map((p) => p.x)).toEqual([10, 60, 110]);
    expect(chartPoints([42], box)).toEqual([{ x: 60, y: scoreToY(42, box), score: 42 }]);
    expect(chartPoints([], box)).toEqual([]);
  });

  it('draws steps: the score holds until the next change', () => {
    expect(stepPath(chartPoints([0, 0, 100], box))).toBe('M10,110 H60 H110 V10');
    expect(stepPath([])).toBe('');
  });

  it('describes the line in words, the most recent twelve when long', () => {
    expect(describeScores([20, 45, 80])).toBe('Score over time: 20, 45, 80 (now)');
    expect(describeScores([])).toBe('No score changes yet');
    const long = describeScores(Array.from({ length: 20 }, (_, i) => i));
    expect(long).toBe('Score over time: …, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 (now)');
  });
});
