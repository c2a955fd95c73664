/**
 * "What time do you open?" is neutral, but the tweets the model learned from ask questions mostly
 * rhetorically, about politics and football, so it reads plain customer questions (in French and
 * German above all) as negative. A question with no other sign of feeling — no lexicon word, no
 * emoji or emoticon, no "!" — gets its neutral odds multiplied by e² (~7). Cross-validated on the
 * training tweets (5 % of them are such questions) this costs 0.5 points of macro recall (0.2 on
 * English); a product answering customers' questions is worth that.
 */
import { countEmoticons } from './emoticons.ts';
import { lexiconPolarity } from './lexicon.ts';

export const PLAIN_QUESTION_NEUTRAL_BOOST = Math.exp(2);

const QUESTION_MARK = /[?؟]/;

/**
 * "Which blend is the least bitter?", "Is it less expensive online?": after a comparative the word
 * describes the options the customer weighs, not how they feel.
 */
const COMPARATIVES = new Set(['least', 'less', 'most', 'more', 'fewer']);

export function isPlainQuestion(text: string, cueText: string): boolean {
  if (!QUESTION_MARK.test(text) || text.includes('!')) return false;
  const tokens = cueText.split(' ');
  for (const [i, token] of tokens.entries())
    if (lexiconPolarity(token) && !COMPARATIVES.has(tokens[i - 1] ?? '')) return false;
  const emoticons = countEmoticons(text);
  return emoticons.positive === 0 && emoticons.negative === 0;
}

/** Probabilities (negative, neutral, positive) with the neutral odds multiplied by `boost`. */
export function boostNeutral(p: Float64Array, neutralIndex: number, boost: number): Float64Array {
  const out = Float64Array.from(p);
  out[neutralIndex] = (out[neutralIndex] ?? 0) * boost;
  const sum = out.reduce((a, v) => a + v, 0);
  for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) / sum;
  return out;
}
