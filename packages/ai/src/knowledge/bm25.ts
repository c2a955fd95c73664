/**
 * Okapi BM25 over one field: an inverted index of term → (document, term frequency) postings in
 * typed arrays, so a 1,000-item knowledge base answers a query by touching only the postings of
 * the query's terms.
 */
export type Bm25Params = { k1: number; b: number };

export type Bm25Field = {
  docCount: number;
  postings: Map<string, { docs: Uint32Array; tfs: Float32Array }>;
  lengths: Float32Array;
  avgLength: number;
};

export function buildField(docs: readonly (readonly string[])[]): Bm25Field {
  // Terms get integer ids on first sight so each occurrence costs one map lookup: character
  // n-gram fields hold hundreds of thousands of them.
  const termIds = new Map<string, number>();
  const docLists: number[][] = [];
  const tfLists: number[][] = [];
  const lengths = new Float32Array(docs.length);
  let total = 0;
  docs.forEach((terms, doc) => {
    lengths[doc] = terms.length;
    total += terms.length;
    for (const term of terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = docLists.length;
        termIds.set(term, id);
        docLists.push([]);
        tfLists.push([]);
      }
      const list = docLists[id]!;
      const tfs = tfLists[id]!;
      if (list[list.length - 1] === doc) tfs[tfs.length - 1]! += 1;
      else {
        list.push(doc);
        tfs.push(1);
      }
    }
  });
  const postings = new Map<string, { docs: Uint32Array; tfs: Float32Array }>();
  for (const [term, id] of termIds) {
    postings.set(term, { docs: Uint32Array.from(docLists[id]!), tfs: Float32Array.from(tfLists[id]!) });
  }
  return { docCount: docs.length, postings, lengths, avgLength: docs.length ? total / docs.length : 0 };
}

/** Lucene's non-negative IDF: a term in every document still scores a little, never below zero. */
function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/**
 * Adds `weight` × BM25(query, doc) to `scores[doc]` for every document holding a query term.
 * Repeated query terms count once: a customer writing "refund refund refund" means one thing.
 */
export function addBm25Scores(
  field: Bm25Field,
  queryTerms: readonly string[],
  params: Bm25Params,
  weight: number,
  scores: Float64Array,
): void {
  if (field.avgLength === 0 || weight === 0) return;
  const { k1, b } = params;
  for (const term of new Set(queryTerms)) {
    const list = field.postings.get(term);
    if (!list) continue;
    const w = weight * idf(field.docCount, list.docs.length);
    for (let i = 0; i < list.docs.length; i++) {
      const doc = list.docs[i]!;
      const tf = list.tfs[i]!;
      const norm = k1 * (1 - b + (b * field.lengths[doc]!) / field.avgLength);
      scores[doc] = scores[doc]! + (w * tf * (k1 + 1)) / (tf + norm);
    }
  }
}

/**
 * The best `k` ids from per-entry scores. Several entries may share an id (an FAQ stored with
 * several phrasings): the id scores its best entry and appears once. Ties keep insertion order.
 */
export function topIds(
  ids: readonly string[],
  scores: Float64Array,
  k: number,
): { id: string; score: number }[] {
  const best = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const s = scores[i]!;
    if (!(s > 0)) continue;
    const id = ids[i]!;
    if (s > (best.get(id) ?? 0)) best.set(id, s);
  }
  const hits = [...best].map(([id, score]) => ({ id, score }));
  hits.sort((x, y) => y.score - x.score);
  return hits.slice(0, Math.max(0, Math.floor(k)));
}
