// The auto-reply rules as the form edits them. Confidence is shown in percent (people read "60 %"
// more easily than "0.6"). Limits mirror AutoReplyRules in packages/ai/src/settings/schema.ts and
// the server's own check that WARM stays below HOT.

import type { FieldErrors } from '../../lib/validation.ts';
import type { AutoReplyRules } from './settings-api.ts';

export interface RulesForm {
  enabled: boolean;
  minConfidence: string;
  negative: AutoReplyRules['negative'];
  comments: AutoReplyRules['comments'];
  hotThreshold: string;
  warmThreshold: string;
  unresolvedLimit: string;
  holdingMessage: string;
}

export type RulesField = keyof RulesForm;

export const HOLDING_MESSAGE_MAX = 500;

export function toRulesForm(rules: AutoReplyRules): RulesForm {
  return {
    enabled: rules.enabled,
    minConfidence: String(Math.round(rules.minConfidence * 100)),
    negative: rules.negative,
    comments: rules.comments,
    hotThreshold: String(rules.hotThreshold),
    warmThreshold: String(rules.warmThreshold),
    unresolvedLimit: String(rules.unresolvedLimit),
    holdingMessage: rules.holdingMessage,
  };
}

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function inRange(text: string, min: number, max: number): boolean {
  const n = wholeNumber(text);
  return !Number.isNaN(n) && n >= min && n <= max;
}

export function checkRulesForm(form: RulesForm): FieldErrors<RulesField> {
  const errors: FieldErrors<RulesField> = {};
  if (!inRange(form.minConfidence, 0, 100)) errors.minConfidence = 'Enter a whole percentage from 0 to 100.';
  if (!inRange(form.hotThreshold, 1, 100)) errors.hotThreshold = 'Enter a score from 1 to 100.';
  if (!inRange(form.warmThreshold, 0, 99)) errors.warmThreshold = 'Enter a score from 0 to 99.';
  else if (!errors.hotThreshold && wholeNumber(form.warmThreshold) >= wholeNumber(form.hotThreshold))
    errors.warmThreshold = 'The WARM threshold must be below the HOT one.';
  if (!inRange(form.unresolvedLimit, 2, 20)) errors.unresolvedLimit = 'Enter a number from 2 to 20.';
  if (form.holdingMessage.trim().length > HOLDING_MESSAGE_MAX)
    errors.holdingMessage = `At most ${HOLDING_MESSAGE_MAX} characters.`;
  return errors;
}

/** The form as the API takes it. Only call with a form `checkRulesForm` accepted. */
export function fromRulesForm(form: RulesForm): AutoReplyRules {
  return {
    enabled: form.enabled,
    minConfidence: wholeNumber(form.minConfidence) / 100,
    negative: form.negative,
    comments: form.comments,
    hotThreshold: wholeNumber(form.hotThreshold),
    warmThreshold: wholeNumber(form.warmThreshold),
    unresolvedLimit: wholeNumber(form.unresolvedLimit),
    holdingMessage: form.holdingMessage.trim(),
  };
}
