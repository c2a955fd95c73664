import type { BrandVoice } from '../settings/schema.ts';

const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;
const TONE_EMOJI: Record<BrandVoice['tone'], string> = { professional: '', friendly: ' 😊', casual: ' 🙌' };

/**
 * A reply as the brand writes it: emoji policy, casual contractions, the length limit (cut at a
 * sentence, never mid-word) and the signature, which always fits.
 */
export function applyBrandVoice(text: string, voice: BrandVoice): string {
  let out = text.trim();
  if (voice.emoji === 'none')
    out = out
      .replace(EMOJI, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  else if (voice.emoji === 'allowed' && !EMOJI.test(out)) out += TONE_EMOJI[voice.tone];
  if (voice.tone === 'professional') out = out.replace(/^Hi\b/, 'Hello');
  if (voice.tone === 'casual') out = out.replace(/^Hello\b/, 'Hey').replace(/^Hi\b/, 'Hey');
  const signature = voice.signature.trim() ? `\n${voice.signature.trim()}` : '';
  return truncate(out, voice.maxLength - signature.length) + signature;
}

/** Cut at the last sentence end that fits, else the last word, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.max(0, max - 1));
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence > max * 0.5) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s,;:]+$/, '')}…`;
}
