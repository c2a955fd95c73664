/**
 * The language rows of the sentiment data set, split by the shared development split (on the
 * original text, as every script does) and labelled with ISO codes.
 */
import { readJsonl, splitRows } from '../learn/dataset.ts';
import { tokenize } from '../text/features.ts';
import { normalizeText } from '../text/normalize.ts';
import { languageText } from './clean-text.ts';
import { hindiMarkerCount, isoFromDatasetName, type Language } from './labels.ts';
import { countScripts } from './script.ts';

export type LanguageRow = { text: string; cleaned: string; label: Language; source: string };

type RawRow = { text: string; lang: string; source: string };

export function languageRows(): { train: LanguageRow[]; dev: LanguageRow[] } {
  const { train, dev } = splitRows(readJsonl<RawRow>('sentiment.train.jsonl'));
  const toRow = (r: RawRow): LanguageRow[] => {
    const label = isoFromDatasetName(r.lang);
    return label ? [{ text: r.text, cleaned: languageText(r.text), label, source: r.source }] : [];
  };
  return { train: train.flatMap(toRow), dev: dev.flatMap(toRow) };
}

/**
 * Whether a row labelled Hindi shows Hindi: Devanagari or a romanised-Hindi word. The XLM-T Hindi
 * set carries plain English tweets too; training keeps them out, and the evaluation reports
 * accuracy with and without them.
 */
export function looksHindi(row: LanguageRow): boolean {
  if (countScripts(row.cleaned).devanagari > 0) return true;
  return hindiMarkerCount(tokenize(normalizeText(row.cleaned))) > 0;
}

/**
 * Short pieces (one to four words) of the training tweets, added as extra examples: customer
 * messages are often a few words ("thanks so much!"), and whole tweets teach the model to lean on
 * topic words (German politics, Indian cricket) that a short message does not have.
 */
export function withFragments(rows: LanguageRow[], random: () => number): LanguageRow[] {
  const out = [...rows];
  for (const row of rows) {
    const words = row.cleaned.split(' ').filter((w) => /\p{L}/u.test(w));
    if (words.length < 3) continue;
    const length = 1 + Math.floor(random() * 4);
    const start = Math.floor(random() * Math.max(1, words.length - length + 1));
    out.push({ ...row, cleaned: words.slice(start, start + length).join(' ') });
  }
  return out;
}
