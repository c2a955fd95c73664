/**
 * Group commit: callers submit items; while a flush is running, new items wait and go together in
 * the next one. At low load every item is flushed alone at once (no added latency); under load one
 * statement or one Redis round trip carries many, which is what lets the webhook receiver keep up.
 */
export type Batcher<T, R> = { submit(items: T[]): Promise<R[]> };

export function createBatcher<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  opts: { maxBatch: number; maxInFlight: number },
): Batcher<T, R> {
  type Waiting = { items: T[]; resolve: (r: R[]) => void; reject: (e: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;

  function pump(): void {
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (
        queue.length > 0 &&
        (batch.length === 0 || size + (queue[0]?.items.length ?? 0) <= opts.maxBatch)
      ) {
        const next = queue.shift() as Waiting;
        batch.push(next);
        size += next.items.length;
      }
      inFlight++;
      flush(batch.flatMap((w) => w.items))
        .then((results) => {
          // Results come back in item order; hand each caller its own slice.
          let offset = 0;
          for (const w of batch) {
            w.resolve(results.slice(offset, offset + w.items.length));
            offset += w.items.length;
          }
        })
        .catch((err: unknown) => {
          for (const w of batch) w.reject(err);
        })
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  return {
    submit(items) {
      if (items.length === 0) return Promise.resolve([]);
      return new Promise<R[]>((resolve, reject) => {
        queue.push({ items, resolve, reject });
        pump();
      });
    },
  };
}
