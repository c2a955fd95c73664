import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AccountRef,
  ConnectorError,
  createFacebookConnector,
  createWhatsappConnector,
  createXConnector,
} from '../src/index.ts';
import {
  type FakePlatform,
  graphErrorReply,
  type Reply,
  startFakePlatform,
} from './helpers/fake-platform.ts';
import { rejectionOf } from './helpers/fixtures.ts';

const page: AccountRef = {
  accountId: 'page-1',
  extra: {},
  credentials: { accessToken: 'page-token-secret-1' },
};
const number: AccountRef = {
  accountId: 'phone-1',
  extra: { wabaId: 'waba-1' },
  credentials: { accessToken: 'biz-token-1' },
};
const xUser: AccountRef = { accountId: 'u1', extra: {}, credentials: { accessToken: 'x-access-secret-1' } };

describe('Graph error mapping', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  async function messengerFailure(reply: Reply): Promise<ConnectorError> {
    fake.routes.set('POST /graph/v21.0/page-1/messages', reply);
    const err = await rejectionOf(
      createFacebookConnector(fake.context()).send(page, { kind: 'dm', recipientId: 'psid', text: 'hi' }),
    );
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }

  it.each([
    [190, 460, 'auth_revoked', undefined],
    [190, undefined, 'auth_revoked', undefined],
    [10, 2018278, 'permanent', 'window_closed'],
    [10, 2018108, 'permanent', 'private_reply_used'],
    [10, 2018109, 'permanent', 'private_reply_expired'],
    [10, undefined, 'permanent', undefined],
    [551, undefined, 'permanent', 'recipient_unavailable'],
    [1, undefined, 'temporary', undefined],
    [2, undefined, 'temporary', undefined],
    [131047, undefined, 'permanent', 'template_required'],
    [131026, undefined, 'permanent', 'recipient_unavailable'],
    [200, undefined, 'permanent', undefined],
  ])('code %s / subcode %s → %s %s', async (code, subcode, kind, reason) => {
    const err = await messengerFailure(graphErrorReply(code, subcode));
    expect(err.kind).toBe(kind);
    expect(err.reason).toBe(reason);
    expect(err.platformCode).toBe(subcode ? `${code}/${subcode}` : String(code));
  });

  it.each([4, 17, 32, 613, 80006, 130429, 131056])(
    'code %s → rate_limited, 60 s unless Graph says otherwise',
    async (code) => {
      const err = await messengerFailure(graphErrorReply(code));
      expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    },
  );

  it('honours Retry-After when present', async () => {
    const reply = { ...graphErrorReply(613), headers: { 'retry-after': '7' } };
    expect(await messengerFailure(reply)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
  });

  it('maps 100 to not_found when it names an object, permanent otherwise', async () => {
    const unknown = graphErrorReply(
      100,
      33,
      400,
      "Unsupported post request. Object with ID 'page-1' does not exist, cannot be loaded due to missing permissions",
    );
    expect(await messengerFailure(unknown)).toMatchObject({ kind: 'not_found' });
    expect(
      await messengerFailure(
        graphErrorReply(100, undefined, 400, '(#100) Param recipient must be non-empty'),
      ),
    ).toMatchObject({ kind: 'permanent', reason: undefined });
  });

  it('classifies WhatsApp re-engagement (131047) on a WhatsApp send as template_required', async () => {
    fake.routes.set(
      'POST /graph/v21.0/phone-1/messages',
      graphErrorReply(131047, undefined, 400, '(#131047) Re-engagement message'),
    );
    const err = await rejectionOf(
      createWhatsappConnector(fake.context()).send(number, { kind: 'dm', recipientId: '1650', text: 'late' }),
    );
    expect(err).toMatchObject({ kind: 'permanent', reason: 'template_required', platformCode: '131047' });
  });

  it('maps HTTP 5xx without a Graph body to temporary', async () => {
    expect(await messengerFailure({ status: 500, json: '<html>oops</html>' })).toMatchObject({
      kind: 'temporary',
      platformCode: '500',
    });
    expect(await messengerFailure({ status: 502 })).toMatchObject({ kind: 'temporary' });
  });

  it('never puts the token or the app secret into the error message', async () => {
    const err = await messengerFailure(
      graphErrorReply(
        190,
        undefined,
        400,
        'Error validating access token page-token-secret-1 for meta-app-secret-xyz',
      ),
    );
    expect(err.message).not.toContain('page-token-secret-1');
    expect(err.message).not.toContain('meta-app-secret-xyz');
    expect(err.message).toContain('[redacted]');
  });

  it('turns a platform that never answers into temporary after the timeout', async () => {
    fake.routes.set('POST /graph/v21.0/page-1/messages', { hang: true });
    const started = Date.now();
    const err = await rejectionOf(
      createFacebookConnector(fake.context({ timeoutMs: 200 })).send(page, {
        kind: 'dm',
        recipientId: 'p',
        text: 'hi',
      }),
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'temporary' });
    expect((err as Error).message).toMatch(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('turns a refused connection into temporary, without the query secrets in the message', async () => {
    const port = await closedPort();
    const ctx = fake.context();
    const connector = createWhatsappConnector({
      ...ctx,
      endpoints: { ...ctx.endpoints, graphUrl: `http://127.0.0.1:${port}` },
    });
    const err = await rejectionOf(
      connector.exchangeCode({ code: 'c', redirectUri: 'https://r', codeVerifier: '' }),
    );
    expect(err).toMatchObject({ kind: 'temporary' });
    expect((err as Error).message).toContain('GET /v21.0/oauth/access_token');
    expect((err as Error).message).not.toContain('meta-app-secret-xyz');
  });
});

describe('X error mapping', () => {
  let fake: FakePlatform;
  beforeEach(async () => {
    fake = await startFakePlatform();
  });
  afterEach(() => fake.close());

  const problem = (status: number, title: string): Reply => ({
    status,
    json: { title, detail: `${title} detail`, type: 'about:blank', status },
  });

  async function xFailure(
    path: string,
    reply: Reply,
    send: 'dm' | 'comment_reply' = 'dm',
  ): Promise<ConnectorError> {
    fake.routes.set(`POST /xapi/2/${path}`, reply);
    const connector = createXConnector(fake.context());
    const err = await rejectionOf(
      send === 'dm'
        ? connector.send(xUser, { kind: 'dm', recipientId: 'r1', text: 'hi' })
        : connector.send(xUser, { kind: 'comment_reply', commentId: 't1', text: 'hi' }),
    );
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }

  it('429 with x-rate-limit-reset → rate_limited until the reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const err = await xFailure('dm_conversations/with/r1/messages', {
      ...problem(429, 'Too Many Requests'),
      headers: {
        'x-rate-limit-limit': '15',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(reset),
      },
    });
    expect(err.kind).toBe('rate_limited');
    expect(err.platformCode).toBe('429');
    expect(err.retryAfterMs).toBeGreaterThan(115_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('429 without a reset header waits one 15-minute window', async () => {
    const err = await xFailure('tweets', problem(429, 'Too Many Requests'), 'comment_reply');
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 900_000 });
  });

  it('401 → auth_revoked, 404 → not_found, 500 → temporary, other 4xx → permanent', async () => {
    expect(await xFailure('tweets', problem(401, 'Unauthorized'), 'comment_reply')).toMatchObject({
      kind: 'auth_revoked',
    });
    expect(await xFailure('tweets', problem(404, 'Not Found'), 'comment_reply')).toMatchObject({
      kind: 'not_found',
    });
    expect(await xFailure('tweets', problem(500, 'Internal Error'), 'comment_reply')).toMatchObject({
      kind: 'temporary',
    });
    expect(await xFailure('tweets', problem(400, 'Invalid Request'), 'comment_reply')).toMatchObject({
      kind: 'permanent',
    });
  });

  it('403 on a DM is recipient_unavailable; on a post it is a plain refusal', async () => {
    expect(await xFailure('dm_conversations/with/r1/messages', problem(403, 'Forbidden'))).toMatchObject({
      kind: 'permanent',
      reason: 'recipient_unavailable',
    });
    expect(await xFailure('tweets', problem(403, 'Forbidden'), 'comment_reply')).toMatchObject({
      kind: 'permanent',
      reason: undefined,
    });
  });

  it('a hanging X API is temporary after the timeout, and the token stays out of the message', async () => {
    fake.routes.set('POST /xapi/2/tweets', { hang: true });
    const err = await rejectionOf(
      createXConnector(fake.context({ timeoutMs: 150 })).send(xUser, {
        kind: 'comment_reply',
        commentId: 't',
        text: 'x',
      }),
    );
    expect(err).toMatchObject({ kind: 'temporary' });
    expect((err as Error).message).not.toContain('x-access-secret-1');
  });
});

/** A port nobody listens on: bind, read the port, release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
