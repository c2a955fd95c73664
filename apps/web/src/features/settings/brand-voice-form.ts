// The brand voice as the form edits it: lists become one entry per line. The limits mirror
// BrandVoice in packages/ai/src/settings/schema.ts so people see mistakes before saving; the
// server checks again and its message wins.

import type { FieldErrors } from '../../lib/validation.ts';
import type { BrandVoice } from './settings-api.ts';

export const VOICE_LIMITS = {
  minLength: 80,
  maxLength: 2000,
  signature: 120,
  guidelines: 2000,
  banned: { count: 100, min: 2, max: 120 },
  products: { count: 500, min: 2, max: 80 },
} as const;

export interface VoiceForm {
  tone: BrandVoice['tone'];
  emoji: BrandVoice['emoji'];
  maxLength: string;
  matchCustomerLanguage: boolean;
  signature: string;
  guidelines: string;
  bannedPhrases: string;
  products: string;
}

export type VoiceField = keyof VoiceForm;

export function toVoiceForm(voice: BrandVoice): VoiceForm {
  return {
    tone: voice.tone,
    emoji: voice.emoji,
    maxLength: String(voice.maxLength),
    matchCustomerLanguage: voice.matchCustomerLanguage,
    signature: voice.signature,
    guidelines: voice.guidelines,
    bannedPhrases: voice.bannedPhrases.join('\n'),
    products: voice.products.join('\n'),
  };
}

/** One entry per line, trimmed, blank lines and repeats dropped (case-insensitively). */
export function linesOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    const key = entry.toLowerCase();
    if (!entry || seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}

/** A whole number, or NaN for anything else ("12.5", "abc", ""). */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The form as the API takes it. Only call with a form `checkVoiceForm` accepted. */
export function fromVoiceForm(form: VoiceForm): BrandVoice {
  return {
    tone: form.tone,
    emoji: form.emoji,
    maxLength: wholeNumber(form.maxLength),
    matchCustomerLanguage: form.matchCustomerLanguage,
    signature: form.signature.trim(),
    guidelines: form.guidelines.trim(),
    bannedPhrases: linesOf(form.bannedPhrases),
    products: linesOf(form.products),
  };
}

function checkList(
  text: string,
  limits: { count: number; min: number; max: number },
  what: string,
): string | undefined {
  const entries = linesOf(text);
  if (entries.length > limits.count) return `At most ${limits.count} ${what}.`;
  const bad = entries.find((entry) => entry.length < limits.min || entry.length > limits.max);
  return bad === undefined
    ? undefined
    : `“${bad.slice(0, 40)}”: each line needs ${limits.min} to ${limits.max} characters.`;
}

export function checkVoiceForm(form: VoiceForm): FieldErrors<VoiceField> {
  const errors: FieldErrors<VoiceField> = {};
  const max = wholeNumber(form.maxLength);
  if (Number.isNaN(max) || max < VOICE_LIMITS.minLength || max > VOICE_LIMITS.maxLength)
    errors.maxLength = `Enter a whole number from ${VOICE_LIMITS.minLength} to ${VOICE_LIMITS.maxLength}.`;
  if (form.signature.trim().length > VOICE_LIMITS.signature)
    errors.signature = `At most ${VOICE_LIMITS.signature} characters.`;
  if (form.guidelines.trim().length > VOICE_LIMITS.guidelines)
    errors.guidelines = `At most ${VOICE_LIMITS.guidelines} characters.`;
  const banned = checkList(form.bannedPhrases, VOICE_LIMITS.banned, 'phrases');
  if (banned) errors.bannedPhrases = banned;
  const products = checkList(form.products, VOICE_LIMITS.products, 'products');
  if (products) errors.products = products;
  return errors;
}

/** The voice to preview while editing: what is valid so far, the saved value for the rest. */
export function previewVoice(form: VoiceForm, saved: BrandVoice): BrandVoice {
  const max = wholeNumber(form.maxLength);
  const maxOk = !Number.isNaN(max) && max >= VOICE_LIMITS.minLength && max <= VOICE_LIMITS.maxLength;
  return {
    ...saved,
    tone: form.tone,
    emoji: form.emoji,
    maxLength: maxOk ? max : saved.maxLength,
    matchCustomerLanguage: form.matchCustomerLanguage,
    signature: form.signature.trim().slice(0, VOICE_LIMITS.signature),
  };
}
