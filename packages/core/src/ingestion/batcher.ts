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

/** One item's result from a grouped flush: its value, or the error that item alone raised. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * The worker's pipeline steps run the jobs that wait together: the items are grouped by tenant (a
 * transaction is scoped to one), and each group is run by `run` in one go. Should a group fail,
 * each of its items is run alone, so one bad item costs the others only a retry, not their result.
 */
export function createGroupedBatcher<T extends { tenantId: string }, R>(
  run: (tenantId: string, items: T[]) => Promise<R[]>,
  opts: { maxBatch: number; maxInFlight: number },
): { submit(item: T): Promise<R> } {
  const batcher = createBatcher<T, Outcome<R>>(async (items) => {
    const groups = new Map<string, number[]>();
    items.forEach((item, i) => {
      const group = groups.get(item.tenantId) ?? [];
      group.push(i);
      groups.set(item.tenantId, group);
    });
    const out: Outcome<R>[] = new Array(items.length);
    for (const [tenantId, indexes] of groups) {
      const group = indexes.map((i) => items[i] as T);
      try {
        const values = await run(tenantId, group);
        indexes.forEach((i, k) => {
          out[i] = { ok: true, value: values[k] as R };
        });
      } catch (err) {
        if (group.length === 1) {
          out[indexes[0] as number] = { ok: false, error: err };
          continue;
        }
        for (const i of indexes) {
          try {
            out[i] = { ok: true, value: (await run(tenantId, [items[i] as T]))[0] as R };
          } catch (error) {
            out[i] = { ok: false, error };
          }
        }
      }
    }
    return out;
  }, opts);
  return {
    async submit(item) {
      const [outcome] = await batcher.submit([item]);
      if (!outcome) throw new Error('batch returned no outcome');
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}
