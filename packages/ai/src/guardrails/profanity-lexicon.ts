/**
 * The profanity lexicon as shipped (models/profanity.json): compiled at training time from the
 * LDNOOBW and Surge AI English lists plus our own lists for es/fr/de/it/pt, since the data folder is
 * not there at run time. Keys are already folded (profanity-words.ts), values are severities 1–3.
 */
import { readFileSync } from 'node:fs';
import { EXTRA_TERMS, ORDINARY_WORDS, type Severity } from './profanity-lists.ts';
import { termKey } from './profanity-words.ts';

export type ProfanityLexiconFile = {
  format: 'replyforce-profanity-v1';
  /** Single words → severity. */
  words: Record<string, Severity>;
  /** Several words joined by one space → severity. */
  phrases: Record<string, Severity>;
  meta?: Record<string, unknown>;
};

/** Surge AI's severity_rating runs 1–3 with Mild < 1.5 ≤ Strong < 2.5 ≤ Severe. */
function surgeSeverity(rating: number): Severity {
  return rating >= 2.5 ? 3 : rating >= 1.5 ? 2 : 1;
}

/** The fields of one CSV line ("a,\"b, c\",d"); the Surge file has no line breaks inside fields. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  out.push(field);
  return out;
}

export function compileProfanityLexicon(ldnoobwPath: string, surgeCsvPath: string): ProfanityLexiconFile {
  const entries = new Map<string, Severity>();
  const add = (term: string, severity: Severity, force = false) => {
    if (!force && ORDINARY_WORDS.has(term.trim().toLowerCase())) return;
    const key = termKey(term);
    if (key === '' || !/\p{L}|\p{Extended_Pictographic}/u.test(key)) return;
    if (force) entries.set(key, severity);
    else entries.set(key, Math.max(entries.get(key) ?? 0, severity) as Severity);
  };
  const [header, ...rows] = readFileSync(surgeCsvPath, 'utf8').split(/\r?\n/).filter(Boolean);
  const ratingAt = csvFields(header ?? '').indexOf('severity_rating');
  for (const row of rows) {
    const fields = csvFields(row);
    add(fields[0] ?? '', surgeSeverity(Number(fields[ratingAt])));
  }
  // LDNOOBW carries no severity: its words missing from Surge count as mild.
  for (const line of readFileSync(ldnoobwPath, 'utf8').split('\n')) {
    const term = line.trim();
    if (term !== '' && !entries.has(termKey(term))) add(term, term === '🖕' ? 2 : 1);
  }
  // Our own lists decide the severity of the words they share with the English ones ("puta").
  for (const lists of Object.values(EXTRA_TERMS)) {
    (['mild', 'strong', 'severe'] as const).forEach((level, i) => {
      for (const term of lists[level].split('|')) if (term !== '') add(term, (i + 1) as Severity, true);
    });
  }
  const words: Record<string, Severity> = {};
  const phrases: Record<string, Severity> = {};
  for (const [key, severity] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    (key.includes(' ') ? phrases : words)[key] = severity;
  }
  return { format: 'replyforce-profanity-v1', words, phrases };
}
