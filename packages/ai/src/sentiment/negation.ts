/**
 * Negation scope: the few words after "not", "nunca", "pas", "nicht", "non", "não", "لا", "nahi"
 * are marked, so "not good" teaches something different from "good". The scope ends after three
 * words or at "!"/"?" (the tokenizer keeps those; other punctuation splits clauses beforehand).
 */

const NEGATORS = new Set(
  (
    "not no never nothing nobody none nor cannot can't dont don't doesn't didn't isn't wasn't aren't " +
    "won't wouldn't couldn't shouldn't haven't hasn't ain't without " +
    'nunca nada nadie ni jamás tampoco sin ' +
    'pas jamais rien personne sans ' +
    'nicht kein keine keinen keiner keinem nie niemals nichts niemand ohne ' +
    'non niente nessuno nessuna né senza ' +
    'não nao nenhum nenhuma sem ' +
    'لا لم لن ليس مش مو ما ' +
    'nahi nahin nhi mat नहीं नही मत'
  ).split(' '),
);

const SCOPE = 3;

/** For each token, whether it lies in a negation's scope (the negator itself does not). */
export function negationScope(tokens: string[]): boolean[] {
  const marked = new Array<boolean>(tokens.length).fill(false);
  let left = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === '!' || t === '?') {
      left = 0;
    } else if (NEGATORS.has(t) || t.endsWith("n't")) {
      left = SCOPE;
    } else if (left > 0) {
      marked[i] = true;
      left--;
    }
  }
  return marked;
}
