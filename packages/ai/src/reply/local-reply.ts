import type { Intent } from '../intent/schema.ts';
import type { BrandVoice } from '../settings/schema.ts';
import { applyBrandVoice } from './brand-voice.ts';
import { contentWords, matchStrength } from './overlap.ts';
import { hasPhrases, type PhraseKey, phrase } from './phrases.ts';
import type { ReplyResult } from './schema.ts';

export type KnowledgeHit = { id: string; kind: 'faq' | 'document'; question: string | null; text: string };
export type ReplyTemplate = { intent: string; body: string; language?: string | null };

export type LocalReplyInput = {
  text: string;
  language: string;
  intent: Intent;
  sentiment: 'positive' | 'neutral' | 'negative' | 'mixed';
  urgency: 'low' | 'medium' | 'high' | 'critical';
  isQuestion: boolean;
  isComment: boolean;
  customerName: string | undefined;
  businessName: string;
  voice: BrandVoice;
  knowledge: KnowledgeHit[];
  templates: ReplyTemplate[];
};

/** A FAQ answers the message when it covers this share of the message's content words. */
const FAQ_COVERAGE = 0.6;
const PASSAGE_COVERAGE = 0.5;

/**
 * The reply without a language model: templates for greetings, thanks and hand-offs, the tenant's
 * own template for the intent, a FAQ answer when one clearly matches, otherwise an honest
 * acknowledgement that a person will follow up.
 */
export function localReply(input: LocalReplyInput): ReplyResult {
  const language = input.voice.matchCustomerLanguage && hasPhrases(input.language) ? input.language : 'en';
  const vars = { name: firstName(input.customerName), business: input.businessName };
  const make = (
    text: string,
    confidence: number,
    source: ReplyResult['source'],
    requiresHuman: boolean,
    extra: Partial<ReplyResult> = {},
  ): ReplyResult => ({
    text: text ? applyBrandVoice(text, input.voice) : '',
    confidence,
    requires_human: requiresHuman,
    source,
    language,
    suggested_actions: [],
    kb_ids: [],
    ...extra,
  });
  const say = (key: PhraseKey) => phrase(key, language, vars);

  if (input.intent === 'spam') return make('', 0.9, 'none', false);
  if (input.intent === 'human_request') return make(say('handoff'), 0.9, 'holding', true);
  if (input.intent === 'complaint' || (input.sentiment === 'negative' && isPressing(input.urgency)))
    return make(say('complaint'), 0.5, 'holding', true, { suggested_actions: ['apologise', 'offer a fix'] });

  const asked = contentWords(input.text);
  const faq = bestMatch(
    asked,
    input.knowledge.filter((k) => k.kind === 'faq'),
    (k) => k.question ?? '',
  );
  if (faq && faq.coverage >= FAQ_COVERAGE && !isGreetingOnly(input)) {
    return make(faq.hit.text, Math.min(0.95, 0.55 + 0.4 * faq.coverage), 'faq', false, {
      kb_ids: [faq.hit.id],
    });
  }
  const template = input.templates.find(
    (t) => t.intent === input.intent && (!t.language || t.language === language),
  );
  if (template) return make(fillTemplate(template.body, input), 0.8, 'template', false);
  if (input.intent === 'greeting') return make(say('greeting'), 0.95, 'greeting', false);
  if (input.intent === 'compliment' && !input.isQuestion) return make(say('thanks'), 0.85, 'template', false);

  const passage = bestMatch(asked, input.knowledge, (k) => `${k.question ?? ''} ${k.text}`);
  if (passage && passage.coverage >= PASSAGE_COVERAGE) {
    // A passage is not an answer written for this question: a person checks it first.
    return make(firstSentences(passage.hit.text, 2), 0.45 + 0.2 * passage.coverage, 'knowledge', false, {
      kb_ids: [passage.hit.id],
    });
  }
  // Nothing to answer with: say so, and let a person answer a real question.
  return make(
    say(input.isComment ? 'comment' : 'acknowledge'),
    input.isQuestion ? 0.5 : 0.65,
    'holding',
    input.isQuestion,
  );
}

function isPressing(u: LocalReplyInput['urgency']): boolean {
  return u === 'high' || u === 'critical';
}

function isGreetingOnly(input: LocalReplyInput): boolean {
  return input.intent === 'greeting' && !input.isQuestion;
}

/**
 * The item that matches best. A FAQ's question may list several phrasings, one per line ("Do you
 * deliver?" / "How much is delivery?"): the best-matching phrasing counts.
 */
function bestMatch(asked: Set<string>, items: KnowledgeHit[], field: (k: KnowledgeHit) => string) {
  let best: { hit: KnowledgeHit; coverage: number } | undefined;
  for (const hit of items) {
    for (const phrasing of field(hit).split(/\n+/)) {
      const c = matchStrength(asked, contentWords(phrasing));
      if (!best || c > best.coverage) best = { hit, coverage: c };
    }
  }
  return best;
}

function firstSentences(text: string, n: number): string {
  const parts = text.match(/[^.!?]+[.!?]+(\s|$)/g);
  return parts ? parts.slice(0, n).join('').trim() : text.trim();
}

export function firstName(name: string | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && first.length <= 40 ? ` ${first}` : '';
}

/** `{{first_name}}`, `{{name}}`, `{{business}}`; unknown variables are left out, not shown raw. */
export function fillTemplate(
  body: string,
  input: Pick<LocalReplyInput, 'customerName' | 'businessName'>,
): string {
  const vars: Record<string, string> = {
    first_name: firstName(input.customerName).trim(),
    name: input.customerName?.trim() ?? '',
    business: input.businessName,
  };
  return (
    body
      .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? '')
      // An unknown name leaves "feedback, !": the comma that led to it goes with it.
      .replace(/,\s*([.!?])/g, '$1')
      .replace(/\s+([,.!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}
