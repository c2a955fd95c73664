import { AutoReplyRules, BrandVoice, runPipeline } from '@replyforce/ai';
import { describe, expect, it } from 'vitest';
import {
  guardrailChecks,
  humanize,
  otherFlags,
  percent,
  readAnalysis,
  reasonLabel,
  signedScore,
} from './analysis.ts';

const DELIVERY_FAQ = {
  id: 'faq-delivery',
  kind: 'faq' as const,
  question: 'How much does delivery cost?\nDo you deliver?',
  text: 'Delivery is free within 10 km on orders over $25, otherwise $4.50.',
};

/** The real pipeline on one message, stored the way core stores it (plus the reply's message id). */
async function analyse(text: string) {
  const analysis = await runPipeline({
    businessName: 'Acme Coffee',
    platform: 'facebook',
    kind: 'dm',
    text,
    customerName: 'Sam Cross',
    thread: [],
    unresolvedStreak: 0,
    lead: {
      inboundCount: 1,
      previousScore: null,
      previousTag: null,
      manualTag: null,
      previousAt: null,
      earlierTags: [],
    },
    voice: BrandVoice.parse({}),
    rules: AutoReplyRules.parse({}),
    templates: [],
    searchKnowledge: async () => [DELIVERY_FAQ],
    now: new Date('2026-11-23T12:00:00Z'),
  });
  return { ...analysis, replyMessageId: 'reply-1', leadId: 'lead-1' };
}

describe('readAnalysis on what the pipeline stores', () => {
  it('reads a negative pricing question held for approval', async () => {
    const view = readAnalysis(
      await analyse('Delivery is way too expensive and my last order was late. How much does delivery cost?'),
    );
    expect(view?.sentiment?.label).toBe('negative');
    expect(view?.sentiment?.score).toBeLessThan(0);
    expect(view?.intent?.confidence).toBeGreaterThan(0);
    expect(view?.lead?.signals).toContain('pricing_inquiry');
    expect(view?.lead?.recommendedAction).toBeTruthy();
    expect(view?.decision).toEqual({
      action: 'hold',
      reasons: ['negative message needs approval'],
      triggers: [],
    });
    expect(view?.reply?.source).toBe('faq');
    expect(view?.replyMessageId).toBe('reply-1');
    expect(guardrailChecks(view!).every((check) => !check.found)).toBe(true);
  });

  it('reads a legal threat handed to a person, with its triggers', async () => {
    const view = readAnalysis(
      await analyse("This is the third time my order is late, I want a refund or I'll call my lawyer"),
    );
    expect(view?.decision?.action).toBe('handoff');
    expect(view?.decision?.triggers).toContain('legal_or_compliance');
    expect(view?.reply?.source).toBe('holding');
    expect(view?.reply?.requiresHuman).toBe(true);
  });

  it('names personal data found in the message', async () => {
    const view = readAnalysis(await analyse('Call me on +1 415 555 0133 or write to sam.cross@example.com'));
    const pii = guardrailChecks(view!).find((check) => check.id === 'pii');
    expect(pii?.found).toBe(true);
    expect(pii?.detail).toMatch(/email/);
    expect(pii?.detail).toMatch(/phone/);
  });
});

describe('readAnalysis on bad or partial input', () => {
  it('returns null for no analysis', () => {
    for (const raw of [null, undefined, 'text', 42, []]) expect(readAnalysis(raw)).toBeNull();
  });

  it('keeps what is valid and drops what is not', () => {
    const view = readAnalysis({
      sentiment: { sentiment: 'furious', score: -2 },
      lead_score: { intent: 'question', confidence: 'high', score: 55, tag: 'WARM', signals: ['a', 3, ''] },
      decision: { action: 'explode' },
      guardrail_in: { flags: ['spam', 'profanity'], profanity_terms: ['darn'] },
      guardrail_out: { flags: ['pii', 'unknown_price'], details: ['a card number'] },
    });
    expect(view?.sentiment).toBeNull();
    expect(view?.decision).toBeNull();
    expect(view?.intent).toEqual({ intent: 'question', confidence: 0 });
    expect(view?.lead).toMatchObject({ score: 55, tag: 'WARM', signals: ['a'], manualTag: null });
    const checks = Object.fromEntries(guardrailChecks(view!).map((c) => [c.id, c]));
    expect(checks.spam?.found).toBe(true);
    expect(checks.profanity).toMatchObject({ found: true, detail: 'darn' });
    expect(checks.prompt_injection?.found).toBe(false);
    expect(checks.pii).toMatchObject({ found: true, detail: 'in the AI’s reply' });
    expect(otherFlags(view!)).toEqual(['unknown_price']);
  });
});

describe('formatting', () => {
  it('humanizes ids and formats scores', () => {
    expect(humanize('pricing_inquiry')).toBe('Pricing inquiry');
    expect(percent(0.692)).toBe('69 %');
    expect(percent(1.7)).toBe('100 %');
    expect(signedScore(-0.604)).toBe('−0.60');
    expect(signedScore(0.35)).toBe('+0.35');
    expect(signedScore(-0.001)).toBe('0.00');
    expect(reasonLabel('conversation is needs_human')).toBe('a person has the conversation');
    expect(reasonLabel('legal_or_compliance')).toBe('legal or compliance words');
    expect(reasonLabel('negative message needs approval')).toBe('negative message needs approval');
  });
});
