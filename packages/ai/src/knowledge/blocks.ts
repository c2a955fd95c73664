/**
 * The layout of a document as blocks: headings, bullet items and paragraphs, with their offsets.
 * A chunk boundary is best placed between blocks; a heading belongs with what follows it.
 */
export type Block = { start: number; end: number; heading: boolean };

const BULLET = /^\s*(?:[-*•·–]|\d{1,3}[.)])\s+\S/u;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+\S/;
/** A short line standing alone, without sentence punctuation, reads as a title ("Opening hours"). */
const TITLE_LIKE = /^[^\n]{1,60}$/;
const SENTENCE_END = /[.!?;,。！？]\s*$/u;

type Line = { start: number; end: number; text: string };

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return lines;
}

const blank = (l: Line | undefined) => l === undefined || l.text.trim() === '';

/** The offsets of `[start, end)` without surrounding whitespace. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function documentBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (blank(first)) {
      i++;
      continue;
    }
    let j = i + 1;
    const markdownHeading = MARKDOWN_HEADING.test(first.text);
    if (!markdownHeading) {
      // A paragraph or a bullet runs on over wrapped lines until a blank line, bullet or heading.
      while (j < lines.length && !blank(lines[j]) && !BULLET.test(lines[j]!.text)) {
        if (MARKDOWN_HEADING.test(lines[j]!.text)) break;
        j++;
      }
    }
    const span = trimSpan(text, first.start, lines[j - 1]!.end);
    const standsAlone =
      j === i + 1 && blank(lines[i - 1]) && (blank(lines[j]) || BULLET.test(lines[j]!.text));
    const titleLike =
      standsAlone &&
      !BULLET.test(first.text) &&
      TITLE_LIKE.test(first.text.trim()) &&
      !SENTENCE_END.test(first.text);
    blocks.push({ ...span, heading: markdownHeading || (titleLike && j < lines.length) });
    i = j;
  }
  return blocks;
}
