/**
 * Which writing system a text's letters are in. Arabic script and Devanagari settle the language
 * at once (in this product's eight languages only Arabic and Hindi use them); any other non-Latin
 * script is a language the model was never taught, so it is undetermined rather than guessed.
 */

export type ScriptCounts = {
  latin: number;
  arabic: number;
  devanagari: number;
  other: number;
  total: number;
};

const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;
const DEVANAGARI = /\p{Script=Devanagari}/u;
const LETTER = /\p{L}/u;
/** Letters shared by scripts (the Arabic tatweel used to stretch words is one) say nothing. */
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, arabic: 0, devanagari: 0, other: 0, total: 0 };
  for (const ch of text) {
    if (!LETTER.test(ch) || SHARED.test(ch)) continue;
    counts.total++;
    if (LATIN.test(ch)) counts.latin++;
    else if (ARABIC.test(ch)) counts.arabic++;
    else if (DEVANAGARI.test(ch)) counts.devanagari++;
    else counts.other++;
  }
  return counts;
}
