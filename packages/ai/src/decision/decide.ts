import type { GuardrailInResult } from '../guardrail-in/schema.ts';
import type { GuardrailOutResult } from '../guardrail-out/schema.ts';
import type { IntentResult } from '../intent/schema.ts';
import type { ReplyResult } from '../reply/schema.ts';
import type { SentimentResult } from '../sentiment/schema.ts';
import type { AutoReplyRules } from '../settings/schema.ts';

export type DecisionAction = 'send' | 'hold' | 'handoff' | 'none';

/** Seed 001 §8.3's six reasons to hand a conversation to a person, plus the guardrails' own. */
export type EscalationTrigger =
  | 'low_confidence'
  | 'human_requested'
  | 'negative_critical'
  | 'unresolved_streak'
  | 'legal_or_compliance'
  | 'ai_unavailable'
  | 'prompt_injection'
  | 'output_blocked';

export type Decision = { action: DecisionAction; reasons: string[]; triggers: EscalationTrigger[] };

const LEGAL =
  /\b(lawyer|attorney|legal action|lawsuit|sue|court|solicitor|gdpr|data protection|chargeback|fraud|abogad|demanda|avocat|plainte|anwalt|klage|avvocato|denuncia|advogado|processo)/iu;

export type DecisionInput = {
  text: string;
  isComment: boolean;
  guardIn: GuardrailInResult;
  sentiment: SentimentResult;
  intent: IntentResult;
  reply: ReplyResult;
  guardOut: GuardrailOutResult;
  rules: AutoReplyRules;
  /** Customer messages in a row the AI answered without resolving anything (this one excluded). */
  unresolvedStreak: number;
  /** The tenant's language model is configured but its circuit breaker is open. */
  llmUnavailable: boolean;
};

/**
 * Send, hold the draft for approval, hand to a person, or say nothing (spam). Escalation first
 * (seed 001 §8.3), then the tenant's auto-reply rules (seed 003: automatic for positive / neutral
 * above a confidence threshold, manual for negative or complex).
 */
export function decide(d: DecisionInput): Decision {
  const triggers: EscalationTrigger[] = [];
  if (d.guardIn.flags.includes('spam')) return { action: 'none', reasons: ['spam'], triggers };
  if (d.guardIn.flags.includes('empty')) return { action: 'none', reasons: ['nothing to answer'], triggers };
  if (d.guardIn.flags.includes('prompt_injection')) triggers.push('prompt_injection');
  if (d.intent.intent === 'human_request') triggers.push('human_requested');
  if (d.sentiment.sentiment === 'negative' && d.sentiment.urgency === 'critical')
    triggers.push('negative_critical');
  if (d.unresolvedStreak + 1 >= d.rules.unresolvedLimit) triggers.push('unresolved_streak');
  if (LEGAL.test(d.text)) triggers.push('legal_or_compliance');
  if (!d.guardOut.passed) triggers.push('output_blocked');
  if (d.reply.confidence < 0.4) triggers.push('low_confidence');
  // Without its model, only a reply the local engine is sure of goes out.
  if (d.llmUnavailable && (d.reply.confidence < d.rules.minConfidence || d.reply.source === 'holding'))
    triggers.push('ai_unavailable');
  if (triggers.length > 0 || d.reply.requires_human)
    return {
      action: 'handoff',
      reasons: triggers.length ? triggers : ['the reply needs a person'],
      triggers,
    };
  if (!d.reply.text) return { action: 'none', reasons: ['no reply'], triggers };

  if (!d.rules.enabled) return { action: 'hold', reasons: ['automatic replies are off'], triggers };
  if (d.isComment && d.rules.comments === 'off')
    return { action: 'none', reasons: ['comment replies are off'], triggers };
  if (d.isComment && d.rules.comments === 'approve')
    return { action: 'hold', reasons: ['comments need approval'], triggers };
  if (d.sentiment.sentiment === 'negative' || d.sentiment.sentiment === 'mixed') {
    if (d.rules.negative === 'handoff') return { action: 'handoff', reasons: ['negative message'], triggers };
    if (d.rules.negative === 'approve')
      return { action: 'hold', reasons: ['negative message needs approval'], triggers };
  }
  if (d.reply.confidence < d.rules.minConfidence)
    return {
      action: 'hold',
      reasons: [`confidence ${d.reply.confidence.toFixed(2)} below ${d.rules.minConfidence}`],
      triggers,
    };
  return {
    action: 'send',
    reasons: [`${d.reply.source} reply, confidence ${d.reply.confidence.toFixed(2)}`],
    triggers,
  };
}
