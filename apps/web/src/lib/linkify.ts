/** `start` is the part's offset in the text: stable and unique, so it can key a rendered list. */
export type TextPart =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'link'; href: string; start: number };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
// Punctuation that ends a sentence rather than the URL ("see https://x.test/a.").
const TRAILING = /[.,;:!?)\]}>]+$/;

/** Splits plain text into text and http(s) link parts, so links can be rendered clickable. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let href = match[0];
    const trailing = TRAILING.exec(href);
    // Keep a closing parenthesis that belongs to the URL, e.g. a Wikipedia link.
    if (trailing && !(trailing[0] === ')' && href.includes('('))) href = href.slice(0, -trailing[0].length);
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start), start: last });
    parts.push({ kind: 'link', href, start });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last), start: last });
  return parts;
}
