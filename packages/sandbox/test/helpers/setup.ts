import { createHash, randomBytes } from 'node:crypto';
import type { SandboxOptions } from '../../src/index.ts';
import { type SandboxServer, startSandboxServer } from '../../src/standalone.ts';
import { type Receiver, startReceiver } from './receiver.ts';

export const CREDS = {
  metaAppId: '1517776481860111',
  metaAppSecret: 'meta-app-secret',
  xClientId: 'x-client-id',
  xClientSecret: 'x-client-secret',
  xConsumerSecret: 'x-consumer-secret',
  secret: 'sandbox-secret',
} as const;

export const PAGE = '1000000000000001';
export const PAGE2 = '1000000000000002';
export const IG = '17841400000000001';
export const PHONE = '106540352242922';
export const WABA = '102290129340398';
export const X_USER = '4337869213';

export type World = { sandbox: SandboxServer; receiver: Receiver; url: string; close(): Promise<void> };

/** A sandbox whose webhooks go to a local receiver. */
export async function startWorld(overrides: Partial<SandboxOptions> = {}): Promise<World> {
  const receiver = await startReceiver(CREDS.xConsumerSecret);
  const sandbox = await startSandboxServer({
    ...CREDS,
    webhookTarget: receiver.url,
    deliveryRetryDelaysMs: [50, 100],
    timing: { receiptDelayMs: 20, faultHoldMs: 300 },
    ...overrides,
  });
  return {
    sandbox,
    receiver,
    url: sandbox.url,
    async close() {
      await sandbox.close();
      await receiver.close();
    },
  };
}

export type Answer = {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary API JSON
  body: any;
  text: string;
};

/** fetch with JSON in and out; `token` becomes a Bearer header. */
export async function call(
  url: string,
  init: {
    method?: string;
    token?: string;
    json?: unknown;
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export function graph(world: World, path: string): string {
  return `${world.url}/meta/graph/v21.0/${path}`;
}

/** A customer DM through /control, `hoursAgo` back-dating it. */
export function customerWrites(
  world: World,
  platform: string,
  accountId: string,
  customerId: string,
  text = 'Hello!',
  hoursAgo = 0,
) {
  return call(`${world.url}/control/messages`, {
    json: {
      platform,
      accountId,
      customer: { id: customerId, name: 'Jane Doe', username: 'jane' },
      text,
      ...(hoursAgo ? { at: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() } : {}),
    },
  });
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
