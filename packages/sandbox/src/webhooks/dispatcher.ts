import type { Timers } from '../core/timers.ts';
import { createBatcher } from './batcher.ts';
import { createSignedSender } from './signed-delivery.ts';

/** The receiver path segment of each platform: POST <target>/webhooks/<channel>. */
export type Channel = 'facebook' | 'instagram' | 'whatsapp' | 'twitter';

export type DeliveryResult = {
  delivered: boolean;
  /** HTTP status of the receiver; null when it could not be reached. */
  status: number | null;
  error?: string;
};

export type DeliveryUpdate = DeliveryResult & { attempt: number; final: boolean };

export type Dispatcher = {
  /**
   * Signs and POSTs one webhook, retrying failures after the configured delays like the platforms
   * do. Resolves with the first attempt of the POST that carried the event; `onUpdate` hears about
   * every attempt. With a batch window the event may share that POST with others.
   */
  deliver(
    channel: Channel,
    payload: unknown,
    onUpdate?: (u: DeliveryUpdate) => void,
  ): Promise<DeliveryResult>;
  /** Sends any batch still held (its first attempt), then drops the pooled connections. */
  close(): Promise<void>;
};

export type DispatcherConfig = {
  target: () => string;
  metaAppSecret: string;
  xConsumerSecret: string;
  retryDelaysMs: number[];
  timeoutMs: number;
  timers: Timers;
  /** 0: one POST per event. Above: events of one receiver within this window share a POST. */
  batchWindowMs?: number;
  /** Events one merged delivery may hold; a full batch goes at once. */
  batchMaxEvents?: number;
};

export function createDispatcher(cfg: DispatcherConfig): Dispatcher {
  const sender = createSignedSender(cfg);
  const windowMs = cfg.batchWindowMs ?? 0;
  const batcher =
    windowMs > 0 ? createBatcher({ windowMs, maxEvents: cfg.batchMaxEvents ?? 100, sender }) : undefined;
  let closed = false;

  return {
    deliver(channel, payload, onUpdate) {
      return new Promise((resolve) => {
        const waiter = { resolve, onUpdate };
        // After close nothing would flush a new batch, so a late event goes alone.
        if (batcher && !closed) batcher.add(channel, payload, waiter);
        else void sender.send(channel, payload, [waiter]);
      });
    },
    async close() {
      closed = true;
      await batcher?.flushAll();
      sender.close();
    },
  };
}
