import type { MessageHints } from './hints.ts';

/**
 * The stand-in's free-text answer: polite, deterministic, and naming what the customer asked about,
 * so a test (or the demo) can tell which message a reply belongs to.
 */
export function replyText(hints: MessageHints): string {
  const { matched, topic } = hints;
  if (!hints.text.trim()) return 'Hello! Thanks for getting in touch. How can we help you today?';
  if (matched.includes('spam')) return 'Thanks for your message.';
  if (matched.includes('complaint'))
    return `I'm sorry to hear about ${topic}. I've passed this on to our team and someone will follow up with you shortly to make it right.`;
  if (matched.includes('not_interested'))
    return "Understood, thanks for letting us know. We won't bother you further.";
  if (matched.includes('praise') && !hints.isQuestion)
    return 'Thank you so much for your kind words! We really appreciate you taking the time to write to us.';
  if (matched.includes('greeting') && matched.length === 1 && !hints.isQuestion)
    return 'Hello! Thanks for reaching out. How can we help you today?';
  return `Thanks for your message about ${topic}! Let me check the details with our team and get back to you shortly.`;
}

/** Cuts at a word boundary when the caller's max_tokens (about four characters each) is smaller. */
export function truncateToTokens(
  text: string,
  maxTokens: number | undefined,
): { text: string; cut: boolean } {
  if (maxTokens === undefined || text.length <= maxTokens * 4) return { text, cut: false };
  const head = text.slice(0, Math.max(1, maxTokens * 4));
  const space = head.lastIndexOf(' ');
  return { text: space > 0 ? head.slice(0, space) : head, cut: true };
}
