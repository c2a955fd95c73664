/**
 * A throwaway HTTP server standing in for graph.facebook.com / api.x.com in connector tests: it
 * records every request exactly as received and answers from a route table.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectorContext } from '../../src/index.ts';

export type RecordedCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed JSON or form body, whichever the content type says. */
  body: unknown;
};

export type Reply = { status?: number; json?: unknown; headers?: Record<string, string>; hang?: boolean };
export type Route = Reply | ((call: RecordedCall) => Reply);

export type FakePlatform = {
  url: string;
  calls: RecordedCall[];
  /** Routes keyed `METHOD /path` (no query); unknown routes answer a Graph-style 404. */
  routes: Map<string, Route>;
  context(overrides?: Partial<ConnectorContext>): ConnectorContext;
  close(): Promise<void>;
};

export async function startFakePlatform(routes: Record<string, Route> = {}): Promise<FakePlatform> {
  const calls: RecordedCall[] = [];
  const table = new Map(Object.entries(routes));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      const body = type.includes('json')
        ? JSON.parse(rawBody)
        : type.includes('x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(rawBody))
          : rawBody || undefined;
      const call: RecordedCall = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        body,
      };
      calls.push(call);
      const route = table.get(`${call.method} ${call.path}`);
      const reply: Reply =
        typeof route === 'function'
          ? route(call)
          : (route ?? {
              status: 404,
              json: { error: { message: `no route ${call.method} ${call.path}`, code: 803 } },
            });
      if (reply.hang) return; // never answers: the client's timeout must fire
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    routes: table,
    context: (overrides = {}) => ({
      endpoints: {
        graphUrl: `${url}/graph`,
        facebookWebUrl: `${url}/fbweb`,
        xApiUrl: `${url}/xapi`,
        xWebUrl: `${url}/xweb`,
        graphVersion: 'v21.0',
      },
      app: {
        metaAppId: 'app-123',
        metaAppSecret: 'meta-app-secret-xyz',
        xClientId: 'x-client-id',
        xClientSecret: 'x-client-secret-xyz',
        xConsumerSecret: 'x-consumer-secret',
        xWebhookId: 'wh-777',
      },
      timeoutMs: 2_000,
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Graph error body, as Meta sends it. */
export function graphErrorReply(code: number, subcode?: number, status = 400, message = 'error'): Reply {
  return {
    status,
    json: {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbC',
      },
    },
  };
}
