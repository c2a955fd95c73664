// Checks for a knowledge-base item, mirroring KbItemBody in packages/contracts/src/knowledge.ts.

import type { FieldErrors } from '../../lib/validation.ts';
import type { KbItem, KbItemInput, KbKind } from './settings-api.ts';

export const KB_LIMITS = {
  title: 200,
  question: { min: 3, max: 500 },
  faqAnswer: 5_000,
  document: 200_000,
} as const;

export interface KbForm {
  kind: KbKind;
  title: string;
  question: string;
  body: string;
}

export type KbField = keyof KbForm;

export function emptyKbForm(kind: KbKind = 'faq'): KbForm {
  return { kind, title: '', question: '', body: '' };
}

export function toKbForm(item: KbItem): KbForm {
  return { kind: item.kind, title: item.title, question: item.question ?? '', body: item.body };
}

export function checkKbForm(form: KbForm): FieldErrors<KbField> {
  const errors: FieldErrors<KbField> = {};
  const body = form.body.trim();
  if (form.kind === 'faq') {
    const question = form.question.trim();
    if (question.length < KB_LIMITS.question.min) errors.question = 'Write the question customers ask.';
    else if (question.length > KB_LIMITS.question.max)
      errors.question = `At most ${KB_LIMITS.question.max} characters.`;
    if (!body) errors.body = 'Write the answer.';
    else if (body.length > KB_LIMITS.faqAnswer)
      errors.body = `A FAQ answer is at most ${KB_LIMITS.faqAnswer.toLocaleString('en')} characters; add longer text as a document.`;
  } else {
    if (form.title.trim().length > KB_LIMITS.title) errors.title = `At most ${KB_LIMITS.title} characters.`;
    if (!body) errors.body = 'Write or paste the text.';
    else if (body.length > KB_LIMITS.document)
      errors.body = `At most ${KB_LIMITS.document.toLocaleString('en')} characters.`;
  }
  return errors;
}

/** The body the API takes; the fields of the other kind are left out. */
export function fromKbForm(form: KbForm): KbItemInput {
  if (form.kind === 'faq') return { kind: 'faq', question: form.question.trim(), body: form.body.trim() };
  const title = form.title.trim();
  return { kind: 'document', ...(title ? { title } : {}), body: form.body.trim() };
}
