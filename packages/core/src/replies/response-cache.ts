import type { StoredReply } from '@replyforce/ai';

/** Per tenant, per process: model replies to the same question, for ten minutes (seed 001 §7.2). */
const TTL_MS = 10 * 60_000;
const PER_TENANT = 500;
const caches = new Map<string, Map<string, { at: number; value: StoredReply }>>();

export function responseCache(tenantId: string) {
  let cache = caches.get(tenantId);
  if (!cache) {
    cache = new Map();
    caches.set(tenantId, cache);
  }
  const c = cache;
  return {
    get(key: string): StoredReply | undefined {
      const hit = c.get(key);
      if (!hit) return undefined;
      if (Date.now() - hit.at > TTL_MS) {
        c.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: StoredReply): void {
      c.delete(key);
      c.set(key, { at: Date.now(), value });
      // Map keeps insertion order: the first key is the least recently written.
      if (c.size > PER_TENANT) c.delete(c.keys().next().value as string);
    },
  };
}

/** The knowledge base, templates or voice changed: this process forgets the tenant's answers. */
export function forgetResponses(tenantId: string): void {
  caches.delete(tenantId);
}
