import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  customerWrites,
  graph,
  IG,
  PAGE,
  PHONE,
  startWorld,
  type World,
  X_USER,
} from './helpers/setup.ts';

describe('revocation, rate limits, faults and retries', () => {
  let world: World;
  afterEach(() => world.close());

  it('revoked tokens answer 190 on Graph and 401 on X; a new grant works again', async () => {
    world = await startWorld();
    const sandbox = world.sandbox.sandbox;
    const page = sandbox.issueGrant('facebook', PAGE).accessToken;
    const wa = sandbox.issueGrant('whatsapp', PHONE).accessToken;
    const x = sandbox.issueGrant('x', X_USER).accessToken;
    for (const [platform, accountId] of [
      ['facebook', PAGE],
      ['whatsapp', PHONE],
      ['x', X_USER],
    ])
      expect(
        (await call(`${world.url}/control/tokens/revoke`, { json: { platform, accountId } })).status,
      ).toBe(200);

    const pageAnswer = await call(graph(world, 'me?fields=id'), { token: page });
    expect(pageAnswer.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    expect((await call(graph(world, PHONE), { token: wa })).body.error.code).toBe(190);
    const xAnswer = await call(`${world.url}/x/api/2/users/me`, { token: x });
    expect(xAnswer.status).toBe(401);
    expect(xAnswer.headers.get('content-type')).toContain('application/problem+json');
    expect((await call(graph(world, 'me?fields=id'), { token: 'garbage' })).body.error.code).toBe(190);
    expect((await call(graph(world, 'me?fields=id'))).body.error.code).toBe(104);

    const again = sandbox.issueGrant('facebook', PAGE).accessToken;
    expect((await call(graph(world, 'me?fields=id'), { token: again })).status).toBe(200);
  });

  it('Send API limit per account answers 613; WhatsApp throughput 130429; X 429 with x-rate-limit-* headers', async () => {
    world = await startWorld({ limits: { sendPerSecond: 3, whatsappPerSecond: 2, xDmPer15Min: 2 } });
    const sandbox = world.sandbox.sandbox;
    const page = sandbox.issueGrant('facebook', PAGE).accessToken;
    await customerWrites(world, 'facebook', PAGE, '8001');
    const send = () =>
      call(graph(world, `${PAGE}/messages`), {
        token: page,
        json: { recipient: { id: '8001' }, messaging_type: 'RESPONSE', message: { text: 'x' } },
      });
    const pageResults = [await send(), await send(), await send(), await send()];
    expect(pageResults.map((r) => r.status)).toEqual([200, 200, 200, 400]);
    expect(pageResults[3]?.body.error).toMatchObject({ code: 613, type: 'OAuthException' });
    // The window is per account: the Instagram account still has its own budget.
    const ig = sandbox.issueGrant('instagram', IG).accessToken;
    await customerWrites(world, 'instagram', IG, '9001');
    const igSend = await call(graph(world, `${IG}/messages`), {
      token: ig,
      json: { recipient: { id: '9001' }, message: { text: 'x' } },
    });
    expect(igSend.status).toBe(200);

    const wa = sandbox.issueGrant('whatsapp', PHONE).accessToken;
    const waSend = () =>
      call(graph(world, `${PHONE}/messages`), {
        token: wa,
        json: {
          messaging_product: 'whatsapp',
          to: '14155550100',
          type: 'template',
          template: {
            name: 'follow_up',
            language: { code: 'en_US' },
            components: [{ type: 'body', parameters: [{ type: 'text', text: 'Jo' }] }],
          },
        },
      });
    const waResults = [await waSend(), await waSend(), await waSend()];
    expect(waResults.map((r) => r.body.error?.code ?? 'ok')).toEqual(['ok', 'ok', 130429]);

    const x = sandbox.issueGrant('x', X_USER).accessToken;
    await customerWrites(world, 'x', X_USER, '3001969357');
    const dm = () =>
      call(`${world.url}/x/api/2/dm_conversations/with/3001969357/messages`, {
        token: x,
        json: { text: 'hi' },
      });
    const first = await dm();
    expect(first.status).toBe(201);
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    await dm();
    const limited = await dm();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ title: 'Too Many Requests', status: 429 });
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
  });

  it('sliding windows free up as time passes', async () => {
    let now = Date.now();
    world = await startWorld({ now: () => now, limits: { sendPerSecond: 1 } });
    const page = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    await customerWrites(world, 'facebook', PAGE, '8001');
    const send = () =>
      call(graph(world, `${PAGE}/messages`), {
        token: page,
        json: { recipient: { id: '8001' }, messaging_type: 'RESPONSE', message: { text: 'x' } },
      });
    expect((await send()).status).toBe(200);
    expect((await send()).body.error.code).toBe(613);
    now += 1001;
    expect((await send()).status).toBe(200);
  });

  it('faults: the next `count` calls of a platform fail as asked, then calls work again', async () => {
    world = await startWorld();
    const page = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    const x = world.sandbox.sandbox.issueGrant('x', X_USER).accessToken;
    const me = () => call(graph(world, 'me?fields=id'), { token: page });
    const xMe = () => call(`${world.url}/x/api/2/users/me`, { token: x });

    const set = await call(`${world.url}/control/faults`, {
      json: { platform: 'facebook', mode: 'error_5xx', count: 2 },
    });
    expect(set.body).toEqual({ platform: 'facebook', mode: 'error_5xx', remaining: 2 });
    const failed = await me();
    expect(failed.status).toBe(503);
    expect(failed.body.error).toMatchObject({ code: 2 });
    expect((await xMe()).status).toBe(200);
    expect((await me()).status).toBe(503);
    expect((await me()).status).toBe(200);

    await call(`${world.url}/control/faults`, {
      json: { platform: 'facebook', mode: 'rate_limit', count: 1 },
    });
    expect((await me()).body.error.code).toBe(613);
    await call(`${world.url}/control/faults`, { json: { platform: 'x', mode: 'rate_limit', count: 1 } });
    const limited = await xMe();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');

    // A timeout holds the call: the client's own timeout fires first.
    await call(`${world.url}/control/faults`, { json: { platform: 'x', mode: 'timeout', count: 1 } });
    const started = Date.now();
    await expect(
      fetch(`${world.url}/x/api/2/users/me`, {
        headers: { authorization: `Bearer ${x}` },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(290);

    // Without a count the fault lasts until mode none.
    await call(`${world.url}/control/faults`, { json: { platform: 'whatsapp', mode: 'error_5xx' } });
    const wa = world.sandbox.sandbox.issueGrant('whatsapp', PHONE).accessToken;
    for (let i = 0; i < 3; i++) expect((await call(graph(world, PHONE), { token: wa })).status).toBe(503);
    await call(`${world.url}/control/faults`, { json: { platform: 'whatsapp', mode: 'none' } });
    expect((await call(graph(world, PHONE), { token: wa })).status).toBe(200);
  });

  it('a failed delivery is retried with the configured delays; /control reports the first attempt', async () => {
    world = await startWorld({ deliveryRetryDelaysMs: [30, 60] });
    world.sandbox.sandbox.issueGrant('facebook', PAGE);
    world.receiver.failNext(500);
    const res = await customerWrites(world, 'facebook', PAGE, '8001', 'retry me');
    expect(res.body).toMatchObject({ delivered: false, status: 500 });
    await world.receiver.waitFor(
      (r) => r.path === '/webhooks/facebook' && world.receiver.posts('/webhooks/facebook').length === 2,
    );
    const [a, b] = world.receiver.posts('/webhooks/facebook');
    // The platform resends the same bytes with the same signature.
    expect(b?.raw.equals(a?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(b?.headers['x-hub-signature-256']).toBe(a?.headers['x-hub-signature-256']);
    const thread = await call(
      `${world.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=8001`,
    );
    expect(thread.body.messages[0].status).toBe('delivered');

    world.receiver.failNext(503, 503, 503);
    await customerWrites(world, 'facebook', PAGE, '8002', 'give up');
    await new Promise((r) => setTimeout(r, 250));
    const given = await call(
      `${world.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=8002`,
    );
    expect(given.body.messages[0].status).toBe('failed');
  });

  it('a receiver that is down is a delivery failure with no status', async () => {
    world = await startWorld({ webhookTarget: 'http://127.0.0.1:9', deliveryRetryDelaysMs: [] });
    world.sandbox.sandbox.issueGrant('whatsapp', PHONE);
    const res = await customerWrites(world, 'whatsapp', PHONE, '14155550100');
    expect(res.body).toMatchObject({ delivered: false, status: null, error: expect.any(String) });
  });

  it('keeps only the newest entries of each log, however long the run', async () => {
    world = await startWorld({ caps: { sent: 3, threadMessages: 2 } });
    const page = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    await customerWrites(world, 'facebook', PAGE, '8001');
    for (let i = 1; i <= 60; i++)
      await call(graph(world, `${PAGE}/messages`), {
        token: page,
        json: { recipient: { id: '8001' }, messaging_type: 'RESPONSE', message: { text: `m${i}` } },
      });
    const sent = await call(`${world.url}/control/sent`);
    expect(sent.body.messages.map((m: { text: string }) => m.text)).toEqual(['m58', 'm59', 'm60']);
    const thread = await call(
      `${world.url}/control/threads?platform=facebook&accountId=${PAGE}&customerId=8001`,
    );
    expect(thread.body.messages.map((m: { text: string }) => m.text)).toEqual(['m59', 'm60']);
  });

  it('/control validates its input with clear 400s', async () => {
    world = await startWorld();
    const bad = await call(`${world.url}/control/messages`, {
      json: { platform: 'myspace', accountId: PAGE, text: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toMatch(/platform/);
    expect(bad.body.error.message).toMatch(/customer/);
    const unknown = await call(`${world.url}/control/messages`, {
      json: { platform: 'facebook', accountId: '42', customer: { id: '1' }, text: 'hi' },
    });
    expect(unknown.status).toBe(404);
    const waName = await call(`${world.url}/control/messages`, {
      json: { platform: 'whatsapp', accountId: PHONE, customer: { id: 'jane' }, text: 'hi' },
    });
    expect(waName.status).toBe(400);
    const badDate = await call(`${world.url}/control/messages`, {
      json: { platform: 'facebook', accountId: PAGE, customer: { id: '1' }, text: 'hi', at: 'yesterday' },
    });
    expect(badDate.status).toBe(400);
    const noComments = await call(`${world.url}/control/comments`, {
      json: { platform: 'whatsapp', accountId: PHONE, customer: { id: '14155550100' }, text: 'hi' },
    });
    expect(noComments.status).toBe(400);
    const fault = await call(`${world.url}/control/faults`, { json: { platform: 'x', mode: 'explode' } });
    expect(fault.status).toBe(400);
    const malformed = await call(`${world.url}/control/messages`, {
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    });
    expect(malformed.status).toBe(400);
    const accounts = await call(`${world.url}/control/accounts`);
    expect(accounts.body.accounts).toHaveLength(8);
  });
});
