import { z } from 'zod';

/** One knowledge-base item: an FAQ pair (question + answer) or a document chunk (answer only). */
export const KbItem = z.object({
  id: z.string().min(1),
  question: z.string().optional(),
  answer: z.string(),
});
export type KbItem = z.infer<typeof KbItem>;

/** One search result, best first; `score` is only comparable within one query. */
export const KbHit = z.object({ id: z.string(), score: z.number().positive() });
export type KbHit = z.infer<typeof KbHit>;

/** A piece of a long document with its offsets in the original text (`text === doc.slice(start, end)`). */
export const DocumentChunk = z.object({
  index: z.number().int().nonnegative(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type DocumentChunk = z.infer<typeof DocumentChunk>;

export const ChunkOptions = z.object({
  maxChars: z.number().int().min(50).default(800),
  overlapChars: z.number().int().min(0).default(100),
});
export type ChunkOptions = z.input<typeof ChunkOptions>;
