import type { classifyIntent } from '../intent/local-model.ts';
import { detectLanguage } from '../language/index.ts';
import { contentWords } from '../reply/overlap.ts';
import { extractEntities } from './entities.ts';
import type { Understanding } from './schema.ts';

export { Understanding } from './schema.ts';

type IntentGuess = ReturnType<typeof classifyIntent>;

/** Seed 001 Agent 2 without a model: language, entities, topic, question, a one-line summary. */
export function understandLocally(text: string, guess: IntentGuess, products: string[]): Understanding {
  const language = detectLanguage(text).language;
  const entities = extractEntities(text, products)
    .slice(0, 20)
    .map((e) => ({ type: e.type, value: e.value }));
  return {
    language: language === 'und' ? 'en' : language,
    entities,
    topic: guess.topic,
    is_question: guess.isQuestion,
    summary: summarize(text),
    key_phrases: keyPhrases(text, entities),
  };
}

function summarize(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? '';
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

/** Entity values first, then the message's longest content words. */
function keyPhrases(text: string, entities: { value: string }[]): string[] {
  const out = entities.map((e) => e.value);
  const words = [...contentWords(text)].sort((a, b) => b.length - a.length);
  for (const w of words) if (out.length < 5 && !out.some((o) => o.toLowerCase().includes(w))) out.push(w);
  return out.slice(0, 5);
}
