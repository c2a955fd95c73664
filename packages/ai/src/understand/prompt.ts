import { formatThread, quote, type ThreadMessage, UNTRUSTED_NOTE } from '../providers/prompt-format.ts';

export type UnderstandPromptInput = {
  text: string;
  /** Where the message arrived: facebook, instagram, whatsapp, x, email, … */
  channel: string;
  /** Earlier messages of the conversation, oldest first; the last five are used. */
  history?: readonly ThreadMessage[];
};

const SYSTEM = `You read one customer message sent to a business on social media and describe it as structured data.

Fill in:
- language: the ISO 639-1 code of the language the customer wrote in. For a message with no words (emoji only, a link), use the language of the earlier messages, or "en" if there are none.
- entities: things named in the message, each with a type (product, person, company, location, email, phone, money, date) and the exact words used. Leave the list empty when nothing is named; do not invent entities.
- topic: the single best fit among pricing (prices, costs, plans, buying), support (help using a product or service), complaint (something went wrong and the customer is unhappy), inquiry (other questions about the business or its products), feedback (opinions, praise, suggestions) and other.
- is_question: true when the customer asks something or expects an answer, even without a question mark.
- summary: one neutral sentence of at most 50 words saying what the customer wants, in English.
- key_phrases: up to five short phrases from the message that carry its meaning.

${UNTRUSTED_NOTE}`;

/** Seed 001 Agent 2 (message understanding), rewritten for structured output. */
export function buildUnderstandPrompt(input: UnderstandPromptInput): { system: string; prompt: string } {
  const prompt = [
    `Channel: ${input.channel}`,
    'Earlier messages (oldest first):',
    `<conversation>\n${formatThread(input.history)}\n</conversation>`,
    'Message to analyse:',
    quote('customer_message', input.text),
  ].join('\n');
  return { system: SYSTEM, prompt };
}
