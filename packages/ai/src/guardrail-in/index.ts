import { detectInjection, detectProfanity, detectSpam } from '../guardrails/index.ts';
import { normalizeText } from '../text/normalize.ts';
import type { GuardrailInResult } from './schema.ts';

export { GuardrailInResult } from './schema.ts';

/** Longer than any DM a platform delivers: pasted documents are not answered automatically. */
const MAX_INPUT_CHARS = 4_000;

/**
 * Seed 001 Agent 1 on the way in, all local: spam, prompt injection, profanity, the same message
 * sent again. Spam and injection fail the check (no model sees them); profanity and repeats are
 * flags the decision weighs.
 */
export function guardInput(text: string, earlierInbound: string[]): GuardrailInResult {
  const flags: GuardrailInResult['flags'] = [];
  if (text.trim() === '') return { passed: true, flags: ['empty'], risk_score: 0, profanity_terms: [] };
  if (text.length > MAX_INPUT_CHARS) flags.push('too_long');
  const spam = detectSpam(text);
  const injection = detectInjection(text);
  const profanity = detectProfanity(text);
  if (spam.isSpam) flags.push('spam');
  if (injection.isInjection) flags.push('prompt_injection');
  if (profanity.hasProfanity) flags.push('profanity');
  const same = normalizeText(text).trim();
  if (earlierInbound.some((t) => normalizeText(t).trim() === same)) flags.push('repeated_message');
  const severity = { none: 0, mild: 0.3, strong: 0.6, severe: 0.9 }[profanity.severity];
  return {
    passed: !spam.isSpam && !injection.isInjection,
    flags,
    risk_score: round(Math.max(spam.score, injection.score, severity)),
    profanity_terms: profanity.terms,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
