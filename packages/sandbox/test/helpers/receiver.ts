import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with the exact bytes, so signatures are checked over what was sent. */
export type Captured = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary webhook JSON
  json: any;
};

export type Receiver = {
  url: string;
  requests: Captured[];
  /** Statuses for the next POSTs, in order; 200 afterwards. */
  failNext(...statuses: number[]): void;
  /** The secret the CRC answer is signed with (a wrong one makes registration invalid). */
  crcSecret: string;
  waitFor(predicate: (c: Captured) => boolean, timeoutMs?: number): Promise<Captured>;
  posts(path: string): Captured[];
  close(): Promise<void>;
};

/** A stand-in ReplyForce server: captures webhooks, answers X's CRC GET. */
export async function startReceiver(crcSecret = ''): Promise<Receiver> {
  const requests: Captured[] = [];
  const queued: number[] = [];
  const waiters = new Set<{ predicate: (c: Captured) => boolean; resolve: (c: Captured) => void }>();
  const receiver: Receiver = {
    url: '',
    requests,
    crcSecret,
    failNext: (...s) => queued.push(...s),
    waitFor(predicate, timeoutMs = 3000) {
      const found = requests.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('receiver: no matching request in time'));
        }, timeoutMs).unref();
      });
    },
    posts: (path) => requests.filter((r) => r.method === 'POST' && r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks);
      const captured: Captured = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw,
        json: raw.length ? JSON.parse(raw.toString('utf8')) : undefined,
      };
      requests.push(captured);
      for (const w of waiters)
        if (w.predicate(captured)) {
          waiters.delete(w);
          w.resolve(captured);
        }
      const crc = url.searchParams.get('crc_token');
      if (req.method === 'GET' && crc !== null) {
        const token = `sha256=${createHmac('sha256', receiver.crcSecret).update(crc).digest('base64')}`;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ response_token: token }));
        return;
      }
      res.writeHead(queued.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
