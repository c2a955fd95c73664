import { createHmac } from 'node:crypto';
import type { Timers } from '../core/timers.ts';
import { createPoster } from './http-post.ts';
import { serialize } from './json.ts';

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
   * do. Resolves with the first attempt; `onUpdate` hears about every attempt.
   */
  deliver(
    channel: Channel,
    payload: unknown,
    onUpdate?: (u: DeliveryUpdate) => void,
  ): Promise<DeliveryResult>;
  /** Drops the pooled connections. */
  close(): void;
};

export type DispatcherConfig = {
  target: () => string;
  metaAppSecret: string;
  xConsumerSecret: string;
  retryDelaysMs: number[];
  timeoutMs: number;
  timers: Timers;
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

export function createDispatcher(cfg: DispatcherConfig): Dispatcher {
  const poster = createPoster(cfg.timeoutMs);
  const post = async (
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<DeliveryResult> => {
    const { status, error } = await poster.post(url, headers, body);
    const delivered = status !== null && status >= 200 && status < 300;
    return { delivered, status, ...(error ? { error } : {}) };
  };

  return {
    async deliver(channel, payload, onUpdate) {
      const body = serialize(payload, channel === 'twitter' ? 'x' : 'meta');
      const headers = {
        'content-type': 'application/json',
        'user-agent': channel === 'twitter' ? 'X-Webhooks/1.0 (sandbox)' : 'facebookexternalua (sandbox)',
        ...signatureHeaders(channel, body, cfg),
      };
      const url = `${cfg.target()}/webhooks/${channel}`;
      const attempt = async (n: number): Promise<DeliveryResult> => {
        const result = await post(url, headers, body);
        const delay = cfg.retryDelaysMs[n - 1];
        const final = result.delivered || delay === undefined;
        onUpdate?.({ ...result, attempt: n, final });
        // The same bytes and signatures every time, as a platform retry would send.
        if (!final) cfg.timers.after(delay, () => void attempt(n + 1));
        return result;
      };
      return attempt(1);
    },
    close: () => poster.close(),
  };
}
