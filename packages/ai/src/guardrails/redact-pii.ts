/** A message with its personal data replaced by placeholders: "mail me at [email]". */
import { findPii } from './find-pii.ts';
import type { PiiSpan } from './schema.ts';

export function redactPii(text: string, spans: PiiSpan[] = findPii(text)): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}[${span.type}]`;
    at = span.end;
  }
  return out + text.slice(at);
}
