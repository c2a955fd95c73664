/** Accuracy and macro-averaged recall / F1 over gold and predicted labels. */
export function classificationReport(gold: string[], predicted: string[]) {
  const labels = [...new Set(gold)].sort();
  let correct = 0;
  const perLabel: Record<string, { recall: number; precision: number; f1: number; support: number }> = {};
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  for (const l of labels) {
    let tp = 0;
    let fn = 0;
    let fp = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] === l && predicted[i] === l) tp++;
      else if (gold[i] === l) fn++;
      else if (predicted[i] === l) fp++;
    }
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    perLabel[l] = {
      recall,
      precision,
      f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0,
      support: tp + fn,
    };
  }
  const values = Object.values(perLabel);
  const mean = (f: (v: (typeof values)[number]) => number) =>
    values.length ? values.reduce((a, v) => a + f(v), 0) / values.length : 0;
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroRecall: mean((v) => v.recall),
    macroF1: mean((v) => v.f1),
    perLabel,
  };
}
