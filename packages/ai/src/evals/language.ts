/**
 * Language identification on the development split: accuracy overall and per language against the
 * data set's labels, and the same with the XLM-T "Hindi" rows that show no Hindi at all (plain
 * English tweets in that set) left out, since no detector should call those Hindi.
 */
import { detectLanguage } from '../language/index.ts';
import { LANGUAGES } from '../language/labels.ts';
import { languageRows, looksHindi } from '../language/training-data.ts';

export async function evaluate(): Promise<Record<string, number>> {
  const { dev } = languageRows();
  const figures: Record<string, number> = {};
  let correct = 0;
  let cleanCorrect = 0;
  let cleanN = 0;
  let undetermined = 0;
  const perLanguage = new Map<string, { n: number; correct: number }>();
  for (const row of dev) {
    const { language } = detectLanguage(row.text);
    const ok = language === row.label;
    if (language === 'und') undetermined++;
    correct += ok ? 1 : 0;
    const stats = perLanguage.get(row.label) ?? { n: 0, correct: 0 };
    stats.n++;
    stats.correct += ok ? 1 : 0;
    perLanguage.set(row.label, stats);
    if (row.label !== 'hi' || looksHindi(row)) {
      cleanN++;
      cleanCorrect += ok ? 1 : 0;
    }
  }
  figures.n = dev.length;
  figures.accuracy = correct / dev.length;
  figures.accuracyWithoutEnglishInHindiSet = cleanCorrect / cleanN;
  figures.nWithoutEnglishInHindiSet = cleanN;
  figures.undeterminedRate = undetermined / dev.length;
  for (const lang of LANGUAGES) {
    const stats = perLanguage.get(lang);
    if (stats) figures[`accuracy_${lang}`] = stats.correct / stats.n;
  }
  return figures;
}
