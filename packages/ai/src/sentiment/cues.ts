/**
 * Keyword cues for the rule-based parts of sentiment (urgency, emotions), which have no labelled
 * data to learn from. A cue list is matched against the message's normalised words joined by
 * single spaces, so phrases ("still waiting") work and punctuation or case does not matter.
 * A trailing `*` matches any ending ("frustrat*" → "frustrated", "frustrating").
 */
import { canonicalTweet } from '../language/clean-text.ts';
import { tokenize } from '../text/features.ts';
import { normalizeText } from '../text/normalize.ts';

export type CueMatcher = (cueText: string) => boolean;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression for the whole list (built once, at module load). */
export function cueMatcher(entries: string[]): CueMatcher {
  const alternatives = entries.map((e) =>
    e.endsWith('*') ? `${escapeRegExp(e.slice(0, -1))}[\\p{L}\\p{M}']*` : escapeRegExp(e),
  );
  const re = new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`, 'u');
  return (cueText) => re.test(cueText);
}

/** The text cue lists are matched against: normalised tokens (emoji included), space-separated. */
export function cueText(text: string): string {
  return tokenize(normalizeText(canonicalTweet(text))).join(' ');
}
