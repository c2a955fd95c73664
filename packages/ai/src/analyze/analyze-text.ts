import { detectInjection, detectProfanity, detectSpam, findPii } from '../guardrails/index.ts';
import { classifyIntent } from '../intent/local-model.ts';
import { detectLanguage } from '../language/index.ts';
import { freshLead, scoreLead } from '../lead-score/score-lead.ts';
import { analyzeSentiment } from '../sentiment/local-model.ts';
import { extractEntities } from '../understand/entities.ts';

/** One line of `replyforce analyze`: every local model on one text, no tenant context. */
export function analyzeText(text: string, products: string[] = []) {
  const language = detectLanguage(text);
  const sentiment = analyzeSentiment(text, language.language);
  const intent = classifyIntent(text);
  const spam = detectSpam(text);
  const injection = detectInjection(text);
  const profanity = detectProfanity(text);
  const entities = extractEntities(text, products);
  const lead = scoreLead({
    text,
    intent: spam.isSpam ? 'spam' : intent.label,
    sentiment: { label: sentiment.label, score: sentiment.score },
    topic: intent.topic,
    isQuestion: intent.isQuestion,
    productMentions: entities.filter((e) => e.type === 'product').length,
    history: freshLead(),
    thresholds: { hot: 70, warm: 40 },
    now: new Date(),
  });
  return {
    language: language.language,
    sentiment: { label: sentiment.label, score: round(sentiment.score) },
    urgency: sentiment.urgency,
    emotions: sentiment.emotions,
    intent: { label: intent.label, confidence: round(intent.confidence) },
    is_question: intent.isQuestion,
    topic: intent.topic,
    entities: entities.map((e) => ({ type: e.type, value: e.value, start: e.start, end: e.end })),
    spam: { is_spam: spam.isSpam, score: round(spam.score) },
    injection: { is_injection: injection.isInjection, score: round(injection.score) },
    profanity: {
      has_profanity: profanity.hasProfanity,
      terms: profanity.terms,
      severity: profanity.severity,
    },
    pii: findPii(text).map((p) => ({ type: p.type, start: p.start, end: p.end })),
    lead: { score: lead.score, tag: lead.tag, signals: lead.signals },
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
