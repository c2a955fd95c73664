import { quote, UNTRUSTED_NOTE } from '../providers/prompt-format.ts';

export type SentimentPromptInput = {
  text: string;
  channel?: string;
  /** What the understanding stage already found, when it ran. */
  understanding?: { topic?: string; language?: string; summary?: string };
};

const SYSTEM = `You judge the emotional tone and urgency of one customer message sent to a business.

Fill in:
- sentiment: positive, negative, neutral, or mixed when the message clearly holds both (praise for the product, anger about the delivery).
- score: from -1 (very negative) through 0 (neutral) to 1 (very positive); keep it consistent with sentiment.
- urgency: low (no time pressure), medium (wants an answer soon), high (a problem blocking the customer, or explicit time pressure such as "today" or "asap"), critical (safety, legal threats, money taken wrongly, or a public escalation).
- emotions: up to a few single words naming the feelings expressed (for example frustration, gratitude, excitement, confusion). Empty when none shows.

Judge the customer's feelings, not the topic: a calm question about a refund is neutral. Sarcasm counts as negative. Emoji carry tone too.

${UNTRUSTED_NOTE}`;

/** Seed 001 Agent 3 (sentiment), the zero-shot language-model fallback of the local classifier. */
export function buildSentimentPrompt(input: SentimentPromptInput): { system: string; prompt: string } {
  const context: string[] = [];
  if (input.channel) context.push(`Channel: ${input.channel}`);
  const u = input.understanding;
  if (u?.language) context.push(`Language: ${u.language}`);
  if (u?.topic) context.push(`Topic: ${u.topic}`);
  if (u?.summary) context.push(`Summary: ${u.summary}`);
  const prompt = [...context, 'Message to judge:', quote('customer_message', input.text)].join('\n');
  return { system: SYSTEM, prompt };
}
