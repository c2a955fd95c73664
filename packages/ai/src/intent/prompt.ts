import { formatThread, quote, type ThreadMessage, UNTRUSTED_NOTE } from '../providers/prompt-format.ts';

export type IntentPromptInput = {
  text: string;
  history?: readonly ThreadMessage[];
  understanding?: { topic?: string; is_question?: boolean; summary?: string };
  sentiment?: { sentiment?: string; urgency?: string };
  /** What is known of the lead: how many messages they sent so far, their current tag. */
  lead?: { messageCount?: number; currentTag?: string };
};

const SYSTEM = `You decide what a customer wants from a business and how likely they are to buy.

Fill in:
- intent: the main purpose of the message: question, complaint, compliment, request (asks the business to do something), feedback, purchase_intent (wants to buy, asks for prices, availability, a demo or a trial), human_request (asks for a person), greeting, spam, or other.
- confidence: from 0 to 1, how sure you are of the intent.
- score: a lead score from 0 to 100, and tag: HOT for 70 and above, WARM for 40 to 69, COLD below 40.
- signals: short reasons for the score, such as "asks for price", "wants it today", "repeat contact", "not interested".
- recommended_action: one short imperative for the team, such as "send pricing and offer a call" or "apologise and escalate".

How to score: buying signals raise it most (asking what something costs or how to buy, checking availability, asking for a demo or trial, time pressure like "today" or "asap", a third or later message in the conversation, warm words about the product). General product or feature questions and a first contact showing interest make a WARM lead. Greetings alone, unrelated questions and spam stay COLD; negative feelings about the product and an explicit "not interested" lower the score.

${UNTRUSTED_NOTE}`;

/** Seed 001 Agent 4 (intent and lead scoring) for the cases the rules leave unsure. */
export function buildIntentPrompt(input: IntentPromptInput): { system: string; prompt: string } {
  const facts: string[] = [];
  const u = input.understanding;
  if (u?.topic) facts.push(`Topic: ${u.topic}`);
  if (u?.is_question !== undefined) facts.push(`Is a question: ${u.is_question ? 'yes' : 'no'}`);
  if (u?.summary) facts.push(`Summary: ${u.summary}`);
  if (input.sentiment?.sentiment) facts.push(`Sentiment: ${input.sentiment.sentiment}`);
  if (input.sentiment?.urgency) facts.push(`Urgency: ${input.sentiment.urgency}`);
  if (input.lead?.messageCount !== undefined)
    facts.push(`Messages from this customer so far: ${input.lead.messageCount}`);
  if (input.lead?.currentTag) facts.push(`Current lead tag: ${input.lead.currentTag}`);
  const prompt = [
    ...(facts.length ? ['What earlier analysis found:', ...facts] : []),
    'Earlier messages (oldest first):',
    `<conversation>\n${formatThread(input.history)}\n</conversation>`,
    'Message to classify:',
    quote('customer_message', input.text),
  ].join('\n');
  return { system: SYSTEM, prompt };
}
