// Reads the AI pipeline's stored analysis (`messages.ai_analysis`, docs/ai-pipeline.md) into what
// the inbox shows. The DTO types it as `unknown` (its shape belongs to packages/ai and carries a
// version), so every field is read defensively: an older or partial analysis shows what it has.

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'mixed';
export type LeadTag = 'HOT' | 'WARM' | 'COLD';
export type DecisionAction = 'send' | 'hold' | 'handoff' | 'none';

export interface AnalysisView {
  language: string | null;
  topic: string | null;
  summary: string | null;
  sentiment: { label: SentimentLabel; score: number; urgency: string | null; emotions: string[] } | null;
  intent: { intent: string; confidence: number } | null;
  lead: {
    score: number;
    tag: LeadTag;
    signals: string[];
    recommendedAction: string | null;
    manualTag: LeadTag | null;
  } | null;
  reply: { text: string; confidence: number; requiresHuman: boolean; source: string } | null;
  decision: { action: DecisionAction; reasons: string[]; triggers: string[] } | null;
  /** Flags of the check on the customer's message (spam, prompt_injection, profanity…). */
  inputFlags: string[];
  profanityTerms: string[];
  /** Kinds of personal data found in the customer's message (the understanding stage's entities). */
  piiInMessage: string[];
  /** Flags of the check on the AI's reply (pii, unknown_price, promise…). */
  replyFlags: string[];
  replyFlagDetails: string[];
  /** The outbound message the decision created (sent or held as a draft), if any. */
  replyMessageId: string | null;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
const TAGS = ['HOT', 'WARM', 'COLD'] as const;
const ACTIONS = ['send', 'hold', 'handoff', 'none'] as const;
/** Entity types that are personal data (the understanding stage keeps card numbers and IBANs out). */
const PII_ENTITIES = new Set(['email', 'phone']);

function readSentiment(raw: unknown): AnalysisView['sentiment'] {
  const s = obj(raw);
  const label = oneOf(s?.sentiment, SENTIMENTS);
  if (!s || !label) return null;
  return { label, score: num(s.score) ?? 0, urgency: str(s.urgency), emotions: strings(s.emotions) };
}

function readLead(raw: unknown): Pick<AnalysisView, 'intent' | 'lead'> {
  const l = obj(raw);
  if (!l) return { intent: null, lead: null };
  const intent = str(l.intent);
  const tag = oneOf(l.tag, TAGS);
  const score = num(l.score);
  return {
    intent: intent ? { intent, confidence: num(l.confidence) ?? 0 } : null,
    lead:
      tag && score !== null
        ? {
            score,
            tag,
            signals: strings(l.signals),
            recommendedAction: str(l.recommended_action),
            manualTag: oneOf(l.manual_tag, TAGS),
          }
        : null,
  };
}

function readReply(raw: unknown): AnalysisView['reply'] {
  const r = obj(raw);
  if (!r || typeof r.text !== 'string') return null;
  return {
    text: r.text,
    confidence: num(r.confidence) ?? 0,
    requiresHuman: r.requires_human === true,
    source: str(r.source) ?? 'none',
  };
}

function readDecision(raw: unknown): AnalysisView['decision'] {
  const d = obj(raw);
  const action = oneOf(d?.action, ACTIONS);
  if (!d || !action) return null;
  return { action, reasons: strings(d.reasons), triggers: strings(d.triggers) };
}

/** The analysis of a customer message, or null when it has none (not analysed yet, or no AI step). */
export function readAnalysis(raw: unknown): AnalysisView | null {
  const a = obj(raw);
  if (!a) return null;
  const understanding = obj(a.understanding);
  const guardIn = obj(a.guardrail_in);
  const guardOut = obj(a.guardrail_out);
  const entities = Array.isArray(understanding?.entities) ? understanding.entities : [];
  const pii = new Set<string>();
  for (const entity of entities) {
    const type = str(obj(entity)?.type);
    if (type && PII_ENTITIES.has(type)) pii.add(type);
  }
  return {
    language: str(understanding?.language),
    topic: str(understanding?.topic),
    summary: str(understanding?.summary),
    sentiment: readSentiment(a.sentiment),
    ...readLead(a.lead_score),
    reply: readReply(a.reply),
    decision: readDecision(a.decision),
    inputFlags: strings(guardIn?.flags),
    profanityTerms: strings(guardIn?.profanity_terms),
    piiInMessage: [...pii],
    replyFlags: strings(guardOut?.flags),
    replyFlagDetails: strings(guardOut?.details),
    replyMessageId: str(a.replyMessageId),
  };
}

/** `pricing_inquiry` → "Pricing inquiry". */
export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Readable names where the id alone says too little. */
const FLAG_LABEL: Record<string, string> = {
  spam: 'Spam',
  prompt_injection: 'Prompt injection',
  profanity: 'Profanity',
  repeated_message: 'Repeated message',
  too_long: 'Too long',
  empty: 'Empty',
  moderation_skipped: 'Moderation skipped',
  pii: 'Personal data in the reply',
  unknown_price: 'Price not in the knowledge base',
  promise: 'Makes a promise',
  echoed_injection: 'Repeats an injection',
  banned_phrase: 'Banned phrase',
};

/** Lower case: they are read inside a sentence ("Handed over by the AI: legal or compliance words"). */
export const TRIGGER_LABEL: Record<string, string> = {
  low_confidence: 'low confidence',
  human_requested: 'asked for a person',
  negative_critical: 'negative and critical',
  unresolved_streak: 'several messages without a resolution',
  legal_or_compliance: 'legal or compliance words',
  ai_unavailable: 'language model unavailable',
  prompt_injection: 'prompt injection',
  output_blocked: 'reply blocked by the output check',
};

/** Reasons the worker writes in its own words when it stays quiet (packages/core apply-analysis). */
const REASON_LABEL: Record<string, string> = {
  'conversation is needs_human': 'a person has the conversation',
  'conversation is pending_approval': 'an earlier draft was waiting for approval',
};

export function reasonLabel(reason: string): string {
  return REASON_LABEL[reason] ?? TRIGGER_LABEL[reason] ?? reason.replaceAll('_', ' ');
}

export function flagLabel(id: string): string {
  return FLAG_LABEL[id] ?? humanize(id);
}

export function triggerLabel(id: string): string {
  return TRIGGER_LABEL[id] ?? id.replace(/[_-]+/g, ' ');
}

export interface GuardrailCheck {
  id: 'spam' | 'prompt_injection' | 'profanity' | 'pii';
  label: string;
  found: boolean;
  /** What was found, for the reviewer: profanity terms, kinds of personal data. */
  detail: string | null;
}

/**
 * The four checks every message gets, each with whether it fired, so a reader sees "no spam" as
 * plainly as "spam". Personal data counts in the message (email, phone) and in the AI's reply.
 */
export function guardrailChecks(view: AnalysisView): GuardrailCheck[] {
  const inReply = view.replyFlags.includes('pii');
  const piiParts = [
    ...(view.piiInMessage.length ? [`in the message: ${view.piiInMessage.join(', ')}`] : []),
    ...(inReply ? ['in the AI’s reply'] : []),
  ];
  return [
    { id: 'spam', label: 'Spam', found: view.inputFlags.includes('spam'), detail: null },
    {
      id: 'prompt_injection',
      label: 'Prompt injection',
      found: view.inputFlags.includes('prompt_injection'),
      detail: null,
    },
    {
      id: 'profanity',
      label: 'Profanity',
      found: view.inputFlags.includes('profanity'),
      detail: view.profanityTerms.length ? view.profanityTerms.join(', ') : null,
    },
    {
      id: 'pii',
      label: 'Personal data',
      found: piiParts.length > 0,
      detail: piiParts.length ? piiParts.join('; ') : null,
    },
  ];
}

/** Flags beyond the four standard checks (repeated message, unknown price, promise…). */
export function otherFlags(view: AnalysisView): string[] {
  const shown = new Set(['spam', 'prompt_injection', 'profanity', 'pii']);
  return [...view.inputFlags, ...view.replyFlags].filter((flag) => !shown.has(flag));
}

/** 0.692 → "69 %". */
export function percent(value: number): string {
  return `${Math.round(Math.max(0, Math.min(1, value)) * 100)} %`;
}

/** Sentiment score −1…1 with its sign: "−0.60", "+0.35", "0.00". */
export function signedScore(score: number): string {
  const fixed = Math.abs(score).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${score < 0 ? '−' : '+'}${fixed}`;
}
