import { createHmac } from 'node:crypto';
import type { Channel, DeliveryResult, DeliveryUpdate, DispatcherConfig } from './dispatcher.ts';
import { createPoster } from './http-post.ts';
import { serialize } from './json.ts';

/** One caller of deliver(): told the first attempt's result, and about every attempt. */
export type Waiter = {
  resolve: (result: DeliveryResult) => void;
  onUpdate?: ((u: DeliveryUpdate) => void) | undefined;
};

export type SignedSender = {
  /** POSTs one body for every waiter; resolves once the first attempt has been answered. */
  send(channel: Channel, payload: unknown, waiters: readonly Waiter[]): Promise<void>;
  close(): void;
};

function signatureHeaders(channel: Channel, body: string, cfg: DispatcherConfig): Record<string, string> {
  if (channel === 'twitter') {
    const mac = createHmac('sha256', cfg.xConsumerSecret).update(body).digest('base64');
    return { 'x-twitter-webhooks-signature': `sha256=${mac}` };
  }
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', cfg.metaAppSecret).update(body).digest('hex')}`,
    'x-hub-signature': `sha1=${createHmac('sha1', cfg.metaAppSecret).update(body).digest('hex')}`,
  };
}

/** Signs a body and POSTs it, retrying failures after the configured delays like the platforms do. */
export function createSignedSender(cfg: DispatcherConfig): SignedSender {
  const poster = createPoster(cfg.timeoutMs);
  return {
    send(channel, payload, waiters) {
      const body = serialize(payload, channel === 'twitter' ? 'x' : 'meta');
      const headers = {
        'content-type': 'application/json',
        'user-agent': channel === 'twitter' ? 'X-Webhooks/1.0 (sandbox)' : 'facebookexternalua (sandbox)',
        ...signatureHeaders(channel, body, cfg),
      };
      const url = `${cfg.target()}/webhooks/${channel}`;
      const attempt = async (n: number): Promise<void> => {
        const { status, error } = await poster.post(url, headers, body);
        const delivered = status !== null && status >= 200 && status < 300;
        const result: DeliveryResult = { delivered, status, ...(error ? { error } : {}) };
        const delay = cfg.retryDelaysMs[n - 1];
        const final = delivered || delay === undefined;
        // Every caller settles with the first attempt, whatever another caller's onUpdate does.
        if (n === 1) for (const w of waiters) w.resolve(result);
        for (const w of waiters) w.onUpdate?.({ ...result, attempt: n, final });
        // The same bytes and signatures every time, as a platform retry would send.
        if (!final) cfg.timers.after(delay, () => void attempt(n + 1));
      };
      return attempt(1);
    },
    close: () => poster.close(),
  };
}
