import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.ts';
import { startSandboxServer } from '../src/standalone.ts';
import { type Receiver, startReceiver } from './helpers/receiver.ts';
import { basic, CREDS, call, PAGE, startWorld, type World, X_USER } from './helpers/setup.ts';

describe('mounted under a prefix inside another app', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver(CREDS.xConsumerSecret);
  });
  afterEach(() => receiver.close());

  it('serves every surface under /sandbox without touching the host’s handlers or parsers', async () => {
    const host = Fastify({ logger: false });
    // A host with opinions: its own error and 404 shapes, and a validator compiler that must never run.
    host.setValidatorCompiler(() => {
      throw new Error('the sandbox must not use the host validator');
    });
    host.setErrorHandler((_err, _req, reply) => reply.status(418).send({ host: 'error' }));
    host.setNotFoundHandler((_req, reply) => reply.status(404).send({ host: 'not found' }));
    host.post('/echo', async (req) => ({ body: req.body ?? null }));
    const sandbox = createSandbox({ ...CREDS, webhookTarget: () => receiver.url });
    await host.register(sandbox.plugin, { prefix: '/sandbox' });
    await host.ready();
    try {
      const token = sandbox.issueGrant('facebook', PAGE).accessToken;
      const me = await host.inject({
        url: '/sandbox/meta/graph/v21.0/me?fields=id',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json()).toEqual({ id: PAGE });
      const graphError = await host.inject({ url: '/sandbox/meta/graph/v21.0/me' });
      expect(graphError.json().error.code).toBe(104);
      const graph404 = await host.inject({ url: '/sandbox/meta/graph/v21.0/a/b/c/d' });
      expect(graph404.json().error.code).toBe(2500);
      const x404 = await host.inject({ url: '/sandbox/x/api/2/nothing' });
      expect(x404.statusCode).toBe(404);
      expect(x404.json()).toMatchObject({ status: 404, title: 'Not Found Error' });
      const dialog = await host.inject({ url: '/sandbox/meta/web/v21.0/dialog/oauth?client_id=nope' });
      expect(dialog.statusCode).toBe(400);
      expect(dialog.headers['content-type']).toContain('text/html');
      const controlBad = await host.inject({
        method: 'POST',
        url: '/sandbox/control/faults',
        payload: { platform: 'x' },
      });
      expect(controlBad.statusCode).toBe(400);
      expect(controlBad.json().error.code).toBe('VALIDATION_FAILED');
      const accounts = await host.inject({ url: '/sandbox/control/accounts' });
      expect(accounts.json().accounts).toHaveLength(8);

      // The form parser is the sandbox's own: X's token endpoint reads forms…
      const tokenRes = await host.inject({
        method: 'POST',
        url: '/sandbox/x/api/2/oauth2/token',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basic(CREDS.xClientId, CREDS.xClientSecret),
        },
        payload: 'grant_type=client_credentials',
      });
      expect(tokenRes.json()).toMatchObject({ token_type: 'bearer', access_token: expect.any(String) });
      // …while the host still refuses them, as it did before the sandbox was registered.
      const hostForm = await host.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1',
      });
      expect(hostForm.statusCode).toBe(418);
      expect((await host.inject({ url: '/elsewhere' })).json()).toEqual({ host: 'not found' });

      // Webhooks still go to the target, under /webhooks/<platform>.
      const sent = await host.inject({
        method: 'POST',
        url: '/sandbox/control/messages',
        payload: { platform: 'facebook', accountId: PAGE, customer: { id: '42' }, text: 'hi' },
      });
      expect(sent.json()).toMatchObject({ delivered: true, status: 200 });
      expect(receiver.posts('/webhooks/facebook')).toHaveLength(1);
    } finally {
      await sandbox.close();
      await host.close();
    }
  });

  it('works standalone at the root', async () => {
    const server = await startSandboxServer({ ...CREDS, webhookTarget: receiver.url });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await call(`${server.url}/control/accounts`);
      expect(res.status).toBe(200);
      expect((await call(`${server.url}/meta/graph/v21.0/me`)).body.error.code).toBe(104);
    } finally {
      await server.close();
    }
  });
});

describe('X webhook registration and subscriptions', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world.close());

  it('POST /2/webhooks runs the CRC against the URL and reports valid true/false', async () => {
    const app = basic(CREDS.xClientId, CREDS.xClientSecret);
    const url = `${world.receiver.url}/webhooks/twitter`;
    const ok = await call(`${world.url}/x/api/2/webhooks`, {
      json: { url },
      headers: { authorization: app },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      data: { id: expect.stringMatching(/^\d{19}$/), url, valid: true, created_at: expect.any(String) },
    });
    const crc = world.receiver.requests.find((r) => r.method === 'GET' && r.query.has('crc_token'));
    expect(crc?.path).toBe('/webhooks/twitter');

    world.receiver.crcSecret = 'not-the-consumer-secret';
    const bad = await call(`${world.url}/x/api/2/webhooks`, {
      json: { url: `${url}?v=2` },
      headers: { authorization: app },
    });
    expect(bad.body.data.valid).toBe(false);
    expect((await call(`${world.url}/x/api/2/webhooks`, { json: { url } })).status).toBe(401);

    const user = world.sandbox.sandbox.issueGrant('x', X_USER).accessToken;
    await call(
      `${world.url}/x/api/2/account_activity/webhooks/${ok.body.data.id}/subscriptions/${X_USER}/all`,
      {
        method: 'DELETE',
        headers: { authorization: app },
      },
    );
    const unknown = await call(`${world.url}/x/api/2/account_activity/webhooks/123/subscriptions/all`, {
      method: 'POST',
      token: user,
    });
    expect(unknown.status).toBe(404);
    const sub = await call(
      `${world.url}/x/api/2/account_activity/webhooks/${ok.body.data.id}/subscriptions/all`,
      {
        method: 'POST',
        token: user,
      },
    );
    expect(sub.body).toEqual({ data: { subscribed: true } });
    const res = await call(`${world.url}/control/messages`, {
      json: { platform: 'x', accountId: X_USER, customer: { id: '3001969357' }, text: 'hi' },
    });
    expect(res.body.delivered).toBe(true);
  });
});

describe('state file', () => {
  let dir: string;
  let receiver: Receiver;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
    receiver = await startReceiver(CREDS.xConsumerSecret);
  });
  afterEach(async () => {
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps subscriptions, revocations, threads and the X webhook across a restart; tokens stay valid', async () => {
    const stateFile = join(dir, 'nested', 'sandbox.json');
    const options = { ...CREDS, webhookTarget: receiver.url, stateFile, timing: { persistIntervalMs: 20 } };
    const first = await startSandboxServer(options);
    const page = first.sandbox.issueGrant('facebook', PAGE).accessToken;
    const revoked = first.sandbox.issueGrant('x', X_USER).accessToken;
    await call(`${first.url}/control/tokens/revoke`, { json: { platform: 'x', accountId: X_USER } });
    await call(`${first.url}/control/messages`, {
      json: {
        platform: 'facebook',
        accountId: PAGE,
        customer: { id: '8001', name: 'Jane' },
        text: 'before restart',
      },
    });
    await call(`${first.url}/meta/graph/v21.0/${PAGE}/messages`, {
      token: page,
      json: {
        recipient: { id: '8001' },
        messaging_type: 'RESPONSE',
        message: { text: 'reply', metadata: 'm-1' },
      },
    });
    const hook = await call(`${first.url}/x/api/2/webhooks`, {
      json: { url: `${receiver.url}/webhooks/twitter` },
      headers: { authorization: basic(CREDS.xClientId, CREDS.xClientSecret) },
    });
    // Writes are batched, not per request.
    await new Promise((r) => setTimeout(r, 60));
    const saved = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(saved.version).toBe(1);
    await first.close();

    const second = await startSandboxServer(options);
    try {
      expect((await call(`${second.url}/meta/graph/v21.0/me?fields=id`, { token: page })).body).toEqual({
        id: PAGE,
      });
      expect((await call(`${second.url}/x/api/2/users/me`, { token: revoked })).status).toBe(401);
      const thread = await call(
        `${second.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=8001`,
      );
      expect(thread.body.messages.map((m: { text: string }) => m.text)).toEqual(['before restart', 'reply']);
      // The window opened before the restart still holds, and the subscription still delivers.
      const again = await call(`${second.url}/meta/graph/v21.0/${PAGE}/messages`, {
        token: page,
        json: { recipient: { id: '8001' }, messaging_type: 'RESPONSE', message: { text: 'after restart' } },
      });
      expect(again.status).toBe(200);
      const inbound = await call(`${second.url}/control/messages`, {
        json: { platform: 'facebook', accountId: PAGE, customer: { id: '8001' }, text: 'still there?' },
      });
      expect(inbound.body.delivered).toBe(true);
      const hooks = await call(`${second.url}/x/api/2/webhooks`, {
        headers: { authorization: basic(CREDS.xClientId, CREDS.xClientSecret) },
      });
      expect(hooks.body.data.map((w: { id: string }) => w.id)).toEqual([hook.body.data.id]);
      const sent = await call(`${second.url}/control/sent`);
      expect(sent.body.messages.map((m: { text: string }) => m.text)).toEqual(['reply', 'after restart']);
    } finally {
      await second.close();
    }
  });
});
