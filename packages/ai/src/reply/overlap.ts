const STOP = new Set(
  'a an the is are was were be do does did i you we they it my your our to of in on at for and or with can could would will what how when where which who why me us this that there here please hi hello hey de la el los las en y o que un una le les des et ou est der die das und ist ein eine il lo di e per com um uma os as'.split(
    ' ',
  ),
);

/** Content words, lower-cased, plural -s dropped: enough to compare a question with a FAQ's. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .normalize('NFKC')
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    // Order numbers and "#18" say nothing about which question this is.
    if (STOP.has(w) || w.length < 2 || /^\d+$/.test(w)) continue;
    out.add(w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Share of the question's content words the candidate has (0..1); 0 for an empty question. */
export function coverage(question: Set<string>, candidate: Set<string>): number {
  if (question.size === 0) return 0;
  let hit = 0;
  for (const w of question) if (candidate.has(w)) hit++;
  return hit / question.size;
}

/**
 * How well a stored question matches a message, both ways: the message may carry more than the
 * question ("Hi! What's the price of the Pro plan? I need it today") or less. Needs two shared
 * words unless the stored question has only one.
 */
export function matchStrength(asked: Set<string>, stored: Set<string>): number {
  let shared = 0;
  for (const w of asked) if (stored.has(w)) shared++;
  if (shared === 0 || (shared < 2 && stored.size > 1)) return 0;
  return Math.max(shared / asked.size, shared / stored.size);
}
