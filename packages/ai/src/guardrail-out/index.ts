import { findPii } from '../guardrails/index.ts';
import type { GuardrailOutResult } from './schema.ts';

export { GuardrailOutResult } from './schema.ts';

export type OutputContext = {
  /** The knowledge-base text the reply may quote (prices, contact details, promises). */
  knowledge: string;
  customerText: string;
  customerInjection: boolean;
  maxLength: number;
  bannedPhrases: string[];
};

const MONEY = /(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|usd|eur|gbp|dollars?|euros?|pounds?))/giu;
const PROMISE =
  /\b(guarantee[ds]?|we promise|promised|full refund|free of charge|100\s?%|lifetime warranty|garantizamos|garantie|garantiert|garantiamo|garantimos)\b/giu;
const LEAK = /\b(system prompt|my instructions|ignore (all )?previous|as an ai language model)\b/i;

/**
 * Seed 001's output guardrail: nothing personal, priced or promised that the knowledge base does
 * not say, no trace of an injection, within length, none of the tenant's banned phrases.
 */
export function guardOutput(reply: string, ctx: OutputContext): GuardrailOutResult {
  const flags = new Set<GuardrailOutResult['flags'][number]>();
  const details: string[] = [];
  if (reply.trim() === '') return { passed: false, flags: ['empty'], details: ['the reply is empty'] };
  const known = squash(ctx.knowledge);
  for (const pii of findPii(reply)) {
    if (!known.includes(squash(pii.value))) {
      flags.add('pii');
      details.push(`${pii.type} not in the knowledge base`);
    }
  }
  for (const m of reply.match(MONEY) ?? []) {
    if (!known.includes(squash(m).replace(/[^\d.,]/g, ''))) {
      flags.add('unknown_price');
      details.push(`price ${m.trim()} not in the knowledge base`);
    }
  }
  for (const m of reply.match(PROMISE) ?? []) {
    if (!known.includes(squash(m))) {
      flags.add('promise');
      details.push(`promise "${m}" not in the knowledge base`);
    }
  }
  if (LEAK.test(reply) || (ctx.customerInjection && sharesLongRun(reply, ctx.customerText))) {
    flags.add('echoed_injection');
    details.push('the reply repeats instructions from the message');
  }
  if (reply.length > ctx.maxLength) {
    flags.add('too_long');
    details.push(`${reply.length} characters, limit ${ctx.maxLength}`);
  }
  const lower = reply.toLowerCase();
  for (const p of ctx.bannedPhrases) {
    if (p.trim() && lower.includes(p.toLowerCase())) {
      flags.add('banned_phrase');
      details.push(`banned phrase "${p}"`);
    }
  }
  return { passed: flags.size === 0, flags: [...flags], details };
}

function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/** Whether the reply repeats six words in a row of the customer's message. */
function sharesLongRun(reply: string, customer: string): boolean {
  const words = customer.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const text = ` ${(reply.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  for (let i = 0; i + 6 <= words.length; i++)
    if (text.includes(` ${words.slice(i, i + 6).join(' ')} `)) return true;
  return false;
}
