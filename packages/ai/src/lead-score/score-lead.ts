import type { Intent, LeadTag } from '../intent/schema.ts';
import { matchSignals } from './signals.ts';

export type LeadHistory = {
  /** Customer messages from this contact so far, this one included. */
  inboundCount: number;
  previousScore: number | null;
  previousTag: LeadTag | null;
  /** A tag a person set by hand: later scoring keeps it. */
  manualTag: LeadTag | null;
  /** When the previous score was set (for recency decay). */
  previousAt: Date | null;
  /** Tags this lead has had before (e.g. HOT last month). */
  earlierTags: LeadTag[];
};

/** A contact the business has not heard from before. */
export function freshLead(): LeadHistory {
  return {
    inboundCount: 1,
    previousScore: null,
    previousTag: null,
    manualTag: null,
    previousAt: null,
    earlierTags: [],
  };
}

export type LeadInput = {
  text: string;
  intent: Intent;
  sentiment: { label: 'positive' | 'neutral' | 'negative' | 'mixed'; score: number };
  topic: string;
  isQuestion: boolean;
  /** Products of the tenant's catalogue the message names. */
  productMentions: number;
  history: LeadHistory;
  thresholds: { hot: number; warm: number };
  now: Date;
};

export type LeadScore = { score: number; tag: LeadTag; signals: string[]; recommended_action: string };

/** A previous score loses half its weight every 30 days without news from the customer. */
const HALF_LIFE_DAYS = 30;

/**
 * Seed 001 Agent 4's weighted rules on this message, then the contact's history: a lead does not
 * cool down because its latest message is short, unless it says it is not interested, and an old
 * score fades with time.
 */
export function scoreLead(input: LeadInput): LeadScore {
  const s = matchSignals(input.text);
  const signals: string[] = [];
  let score = 0;
  const add = (points: number, signal: string) => {
    score += points;
    signals.push(signal);
  };
  if (s.has('pricing') || input.intent === 'purchase_intent' || input.topic === 'pricing')
    add(30, 'pricing_inquiry');
  if (s.has('availability')) add(20, 'availability_question');
  if (s.has('demo')) add(15, 'demo_or_trial_request');
  if (input.history.inboundCount >= 3) add(10, 'repeat_engagement');
  if (input.sentiment.label === 'positive' && (s.has('product') || input.productMentions > 0))
    add(10, 'positive_about_product');
  if (s.has('urgency')) add(15, 'urgency_language');
  // Our addition to seed 001's list: a price question together with a deadline, a stock question
  // or a trial request is someone ready to buy, whatever else the message says.
  if (signals.includes('pricing_inquiry') && (s.has('urgency') || s.has('availability') || s.has('demo')))
    add(15, 'ready_to_buy');
  if (input.productMentions > 0) add(10, 'specific_product_mention');
  if (s.has('product') || (input.isQuestion && input.topic === 'inquiry')) add(20, 'product_inquiry');
  if (s.has('features')) add(15, 'feature_question');
  if (input.history.inboundCount === 1 && (input.isQuestion || signals.length > 0))
    add(10, 'first_contact_with_interest');
  if (s.has('follow')) add(10, 'follows_or_subscribes');
  if (input.intent === 'greeting') add(10, 'greeting');
  else if (input.isQuestion && signals.length === 0) add(5, 'unrelated_question');
  if (input.intent === 'spam') {
    score = 0;
    signals.push('spam');
  }
  if (input.sentiment.label === 'negative' && (s.has('product') || input.intent === 'complaint'))
    add(-10, 'negative_about_product');
  const notInterested = s.has('notInterested');
  if (notInterested) add(-20, 'not_interested');

  let final = clamp(score);
  const h = input.history;
  if (h.previousScore !== null && !notInterested && input.intent !== 'spam') {
    const days = h.previousAt ? Math.max(0, (input.now.getTime() - h.previousAt.getTime()) / 86_400_000) : 0;
    const carried = h.previousScore * 0.5 ** (days / HALF_LIFE_DAYS);
    if (carried > final) {
      final = clamp(Math.round(carried));
      signals.push('earlier_engagement');
    }
  }
  if (h.earlierTags.includes('HOT') && !notInterested && final < 100) {
    final = clamp(final + 5);
    signals.push('previously_hot');
  }
  const computed = tagOf(final, input.thresholds);
  const tag = h.manualTag ?? computed;
  if (h.manualTag) signals.push('manual_tag');
  return { score: final, tag, signals, recommended_action: actionFor(tag, input.intent) };
}

export function tagOf(score: number, t: { hot: number; warm: number }): LeadTag {
  return score >= t.hot ? 'HOT' : score >= t.warm ? 'WARM' : 'COLD';
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

function actionFor(tag: LeadTag, intent: Intent): string {
  if (intent === 'complaint') return 'Resolve the complaint first; follow up personally';
  if (tag === 'HOT') return 'Answer now, share pricing or book a call, and sync to the CRM';
  if (tag === 'WARM') return 'Answer with product details and follow up within 24 hours';
  return 'Answer politely; no sales follow-up';
}
