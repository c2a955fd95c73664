import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export type PostResult = { status: number | null; error?: string };

export type Poster = {
  post(url: string, headers: Record<string, string>, body: string): Promise<PostResult>;
  close(): void;
};

/**
 * POSTs over a small pool of keep-alive connections. A benchmark makes thousands of webhooks a
 * second; opening a socket for each would exhaust file descriptors, so requests beyond the pool
 * wait their turn instead.
 */
export function createPoster(timeoutMs: number, maxSockets = 64): Poster {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets }),
  };
  return {
    post(url, headers, body) {
      const target = new URL(url);
      const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve) => {
        let settled = false;
        const done = (r: PostResult) => {
          if (settled) return;
          settled = true;
          resolve(r);
        };
        const req = request(
          target,
          { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => done({ status: res.statusCode ?? null }));
            res.on('error', (err) =>
              done({ status: null, error: (err as NodeJS.ErrnoException).code ?? err.name }),
            );
          },
        );
        // The clock starts when the request is sent, not while it waits for a pooled socket.
        req.setTimeout(timeoutMs, () =>
          req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
        );
        req.on('error', (err) =>
          done({ status: null, error: (err as NodeJS.ErrnoException).code ?? err.name }),
        );
        req.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
