/**
 * Knowledge base: chunking long documents, ranking FAQ items and chunks in memory, and the
 * tsquery the PostgreSQL search uses. The ranker and its evaluation are described in kb-index.ts
 * and faq-set.ts.
 */
export { type Bm25Index, buildBm25Index, searchBm25 } from './baseline.ts';
export { chunkDocument } from './chunk.ts';
export { parseCsv, parseCsvRecords } from './csv.ts';
export { buildKbIndex, DEFAULT_RANKER, type KbIndex, type KbRankerOptions, searchKb } from './kb-index.ts';
export { parseKbJsonl } from './kb-jsonl.ts';
export { ChunkOptions, DocumentChunk, KbHit, KbItem } from './schema.ts';
export { toTsQuery } from './ts-query.ts';
