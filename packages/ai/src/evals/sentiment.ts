/**
 * Local sentiment on the development split: macro-averaged recall (TweetEval's official measure)
 * over all eight languages, for English alone (TweetEval + XLM-T English, the closest we have to
 * the TweetEval test set), and per language. Each message's language is detected, as in the
 * pipeline (it picks the English or the multilingual model), not taken from the data set.
 */
import { LANGUAGES } from '../language/labels.ts';
import { classificationReport } from '../learn/metrics.ts';
import { analyzeSentiment } from '../sentiment/local-model.ts';
import { isEnglishRow, type SentimentRow, sentimentRows } from '../sentiment/training-data.ts';

function macroRecall(rows: SentimentRow[], predicted: Map<SentimentRow, string>) {
  return classificationReport(
    rows.map((r) => r.label),
    rows.map((r) => predicted.get(r) ?? ''),
  );
}

export async function evaluate(): Promise<Record<string, number>> {
  const { dev } = sentimentRows();
  const predicted = new Map(dev.map((r) => [r, analyzeSentiment(r.text).label] as const));
  const all = macroRecall(dev, predicted);
  const english = macroRecall(dev.filter(isEnglishRow), predicted);
  const figures: Record<string, number> = {
    n: all.n,
    accuracy: all.accuracy,
    macroRecall: all.macroRecall,
    macroF1: all.macroF1,
    nEnglish: english.n,
    macroRecallEnglish: english.macroRecall,
  };
  for (const [label, stats] of Object.entries(all.perLabel)) figures[`recall_${label}`] = stats.recall;
  for (const [label, stats] of Object.entries(english.perLabel))
    figures[`recallEnglish_${label}`] = stats.recall;
  for (const lang of LANGUAGES) {
    const rows = dev.filter((r) => r.language === lang);
    if (rows.length > 0) figures[`macroRecall_${lang}`] = macroRecall(rows, predicted).macroRecall;
  }
  return figures;
}
