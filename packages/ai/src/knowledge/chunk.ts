/**
 * Long documents → chunks a search can return and a reply can quote. Chunks are slices of the
 * original text (`text.slice(start, end)`), at most `maxChars` long, cut between blocks
 * (paragraphs, bullets, headings) where possible, else between sentences, else between words;
 * a heading is never left at the end of a chunk. When a cut falls inside a paragraph, the next
 * chunk repeats up to `overlapChars` of what preceded it so a sentence keeps its context. Only a
 * run of more than `maxChars` characters without any space (a long URL, unspaced script) is cut
 * inside, as nothing else would bound the chunk size.
 */
import { documentBlocks, trimSpan } from './blocks.ts';
import { ChunkOptions, type DocumentChunk } from './schema.ts';

type Piece = { start: number; end: number; blockStart: boolean; heading: boolean };

const SENTENCE_BREAK = /[.!?…]+["'”’)\]]*\s+(?=[^\p{Ll}])|[。！？]+\s*/gu;

function sentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(SENTENCE_BREAK)) {
    const next = start + m.index + m[0].length;
    if (next >= end) break;
    out.push(trimSpan(text, from, next));
    from = next;
  }
  out.push(trimSpan(text, from, end));
  return out.filter((s) => s.end > s.start);
}

/** Splits a too-long sentence at spaces; a space-free run longer than `max` is cut, never a surrogate pair. */
function wordRuns(text: string, start: number, end: number, max: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = start;
  while (end - pos > max) {
    const window = text.slice(pos, pos + max + 1);
    const space = window.search(/\s\S*$/);
    let cut = space > 0 ? pos + space : pos + max;
    if (space <= 0 && /[\udc00-\udfff]/.test(text[cut] ?? '')) cut--;
    out.push(trimSpan(text, pos, cut));
    pos = trimSpan(text, cut, end).start;
  }
  out.push({ start: pos, end });
  return out;
}

function pieces(text: string, max: number): Piece[] {
  const out: Piece[] = [];
  for (const block of documentBlocks(text)) {
    const spans =
      block.end - block.start <= max
        ? [block]
        : sentences(text, block.start, block.end).flatMap((s) =>
            s.end - s.start <= max ? [s] : wordRuns(text, s.start, s.end, max),
          );
    spans.forEach((s, i) => {
      out.push({ start: s.start, end: s.end, blockStart: i === 0, heading: block.heading });
    });
  }
  return out;
}

/** Where the chunk after a mid-paragraph cut starts: a sentence or word start within the overlap. */
function overlapStart(text: string, chunk: Piece[], overlap: number): number | null {
  const last = chunk.at(-1)!;
  const from = last.end - overlap;
  for (const p of chunk) if (p.start >= from) return p.start;
  if (overlap === 0 || last.end - last.start <= overlap) return null;
  const rest = text.slice(from, last.end).search(/(?<=\s)\S/);
  return rest >= 0 ? from + rest : null;
}

/**
 * Pieces to move from a full chunk to the next one, so the cut falls between blocks: the start of
 * the block `next` continues (when the chunk stays at least half full without it) and the headings
 * before it. Empty when that would not fit in one chunk.
 */
function carryOver(current: Piece[], next: Piece, chunkStart: number, max: number): Piece[] {
  const candidates: number[] = [];
  if (!next.blockStart) {
    let b = current.length - 1;
    while (b > 0 && !current[b]!.blockStart) b--;
    if (b > 0 && current[b]!.start - chunkStart >= max / 2) candidates.push(b);
  }
  candidates.push(current.length);
  for (let j of candidates) {
    while (j > 1 && current[j - 1]!.heading) j--;
    const first = current[j];
    if (first && j > 0 && next.end - first.start <= max) return current.splice(j);
  }
  return [];
}

/** The offset where the chunk after `current` starts when a paragraph is cut: its last words again. */
function repeatFrom(text: string, current: Piece[], next: Piece, overlap: number, max: number): number {
  if (next.blockStart) return next.start;
  let b = current.length - 1;
  while (b > 0 && !current[b]!.blockStart) b--;
  const at = overlapStart(text, current.slice(b), overlap);
  return at !== null && next.end - at <= max ? at : next.start;
}

export function chunkDocument(text: string, options: ChunkOptions = {}): DocumentChunk[] {
  const { maxChars, overlapChars } = ChunkOptions.parse(options);
  const overlap = Math.min(overlapChars, Math.floor(maxChars / 2));
  const spans: { start: number; end: number }[] = [];
  let current: Piece[] = [];
  let start = 0;
  for (const piece of pieces(text, maxChars)) {
    if (current.length > 0 && piece.end - start <= maxChars) {
      current.push(piece);
      continue;
    }
    if (current.length === 0) {
      current = [piece];
      start = piece.start;
      continue;
    }
    const carried = carryOver(current, piece, start, maxChars);
    spans.push({ start, end: current.at(-1)!.end });
    start = carried[0]?.start ?? repeatFrom(text, current, piece, overlap, maxChars);
    current = [...carried, piece];
  }
  if (current.length > 0) spans.push({ start, end: current.at(-1)!.end });
  return spans.map((s, index) => ({ index, text: text.slice(s.start, s.end), start: s.start, end: s.end }));
}
