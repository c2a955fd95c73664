// Reply templates: which variables a body uses, where to insert one, and the reply as a customer
// would read it. The filling and the brand voice are the pipeline's own functions
// (packages/ai/src/reply), so the preview is what the local reply sends.

import { applyBrandVoice } from '@replyforce/ai/reply/brand-voice.ts';
import { fillTemplate } from '@replyforce/ai/reply/local-reply.ts';
import type { BrandVoice } from './settings-api.ts';

/** Mirrors TEMPLATE_VARIABLES in packages/contracts/src/knowledge.ts (that file brings zod along). */
export const TEMPLATE_VARIABLES = ['first_name', 'name', 'business'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const VARIABLE_HELP: Record<TemplateVariable, string> = {
  first_name: "The customer's first name",
  name: "The customer's full name",
  business: "Your workspace's name",
};

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

/** The variables a body names, each once, in order; `unknown` lists those the server refuses. */
export function templateVariables(body: string): { used: string[]; unknown: string[] } {
  const used: string[] = [];
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1] as string;
    if (!used.includes(name)) used.push(name);
  }
  return {
    used,
    unknown: used.filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name)),
  };
}

/** Puts `{{variable}}` where the caret is (replacing a selection); returns the caret after it. */
export function insertVariable(
  body: string,
  variable: TemplateVariable,
  selection: { start: number; end: number } = { start: body.length, end: body.length },
): { body: string; caret: number } {
  const start = Math.max(0, Math.min(selection.start, body.length));
  const end = Math.max(start, Math.min(selection.end, body.length));
  const token = `{{${variable}}}`;
  return { body: body.slice(0, start) + token + body.slice(end), caret: start + token.length };
}

export interface PreviewContext {
  /** The customer's name as the platform reports it; empty when it does not. */
  customerName: string;
  businessName: string;
  /** The brand voice every reply goes through; without it, the filled text alone. */
  voice?: BrandVoice;
}

/** The template as the customer reads it. */
export function previewTemplate(body: string, context: PreviewContext): string {
  const filled = fillTemplate(body, {
    customerName: context.customerName.trim() || undefined,
    businessName: context.businessName,
  });
  return context.voice && filled ? applyBrandVoice(filled, context.voice) : filled;
}
