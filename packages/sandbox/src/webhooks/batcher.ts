import type { Channel } from './dispatcher.ts';
import { batchShape, mergePayloads } from './merge-payloads.ts';
import type { SignedSender, Waiter } from './signed-delivery.ts';

type Batch = {
  channel: Channel;
  key: string;
  payloads: unknown[];
  waiters: Waiter[];
  events: number;
  timer?: NodeJS.Timeout;
};

export type Batcher = {
  add(channel: Channel, payload: unknown, waiter: Waiter): void;
  /** Sends every pending batch now; resolves once each has had its first attempt. */
  flushAll(): Promise<void>;
};

/**
 * Holds events for `windowMs` from the first one and sends those of one receiver (and, for X, one
 * subscribed user) as a single merged delivery, the way the platforms batch under load. A batch
 * that reaches `maxEvents` goes at once; a payload of a shape it cannot merge goes alone.
 */
export function createBatcher(opts: { windowMs: number; maxEvents: number; sender: SignedSender }): Batcher {
  const pending = new Map<string, Batch>();

  const flush = (batch: Batch): Promise<void> => {
    clearTimeout(batch.timer);
    pending.delete(batch.key);
    const payload =
      batch.payloads.length === 1 ? batch.payloads[0] : mergePayloads(batch.channel, batch.payloads);
    return opts.sender.send(batch.channel, payload, batch.waiters);
  };

  return {
    add(channel, payload, waiter) {
      const shape = batchShape(channel, payload);
      if (!shape || shape.events >= opts.maxEvents) {
        void opts.sender.send(channel, payload, [waiter]);
        return;
      }
      let batch = pending.get(shape.key);
      if (batch && batch.events + shape.events > opts.maxEvents) {
        void flush(batch);
        batch = undefined;
      }
      if (!batch) {
        const fresh: Batch = { channel, key: shape.key, payloads: [], waiters: [], events: 0 };
        // Not unref'd, unlike the sandbox's other timers: the events in it were already accepted,
        // and the window is short, so a process about to exit sends them first.
        fresh.timer = setTimeout(() => void flush(fresh), opts.windowMs);
        pending.set(shape.key, fresh);
        batch = fresh;
      }
      batch.payloads.push(payload);
      batch.waiters.push(waiter);
      batch.events += shape.events;
      if (batch.events >= opts.maxEvents) void flush(batch);
    },
    async flushAll() {
      await Promise.all([...pending.values()].map(flush));
    },
  };
}
