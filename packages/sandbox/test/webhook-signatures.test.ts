import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CREDS,
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

/** Verification as a receiver would do it: over the raw bytes, constant-time, computed here independently. */
function verifyMeta(raw: Buffer, header: string | string[] | undefined, algo: 'sha256' | 'sha1'): boolean {
  if (typeof header !== 'string' || !header.startsWith(`${algo}=`)) return false;
  const expected = Buffer.from(`${algo}=${createHmac(algo, CREDS.metaAppSecret).update(raw).digest('hex')}`);
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

function verifyX(raw: Buffer, header: string | string[] | undefined): boolean {
  const expected = `sha256=${createHmac('sha256', CREDS.xConsumerSecret).update(raw).digest('base64')}`;
  return header === expected;
}

describe('signed webhooks', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
    for (const [p, id] of [
      ['facebook', PAGE],
      ['instagram', IG],
      ['whatsapp', PHONE],
      ['x', X_USER],
    ] as const)
      world.sandbox.sandbox.issueGrant(p, id);
  });
  afterEach(() => world.close());

  it('signs Meta webhooks with X-Hub-Signature-256 and X-Hub-Signature over the exact bytes sent', async () => {
    for (const [platform, accountId, path] of [
      ['facebook', PAGE, '/webhooks/facebook'],
      ['instagram', IG, '/webhooks/instagram'],
      ['whatsapp', PHONE, '/webhooks/whatsapp'],
    ] as const) {
      // Non-ASCII text: Meta signs the escaped wire form, so re-serialising would break the signature.
      const res = await customerWrites(
        world,
        platform,
        accountId,
        platform === 'whatsapp' ? '16505551234' : '7001',
        'Café ☕ </script>',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ delivered: true, status: 200 });
      const hook = await world.receiver.waitFor((r) => r.path === path);
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.raw.toString('latin1')).toContain('Caf\\u00e9 \\u2615 <\\/script>');
      expect(JSON.stringify(hook.json)).not.toBe(hook.raw.toString('utf8'));
      expect(verifyMeta(hook.raw, hook.headers['x-hub-signature-256'], 'sha256')).toBe(true);
      expect(verifyMeta(hook.raw, hook.headers['x-hub-signature'], 'sha1')).toBe(true);
      // One flipped byte no longer verifies.
      const tampered = Buffer.from(hook.raw);
      tampered.writeUInt8((tampered.at(-2) ?? 0) ^ 1, tampered.length - 2);
      expect(verifyMeta(tampered, hook.headers['x-hub-signature-256'], 'sha256')).toBe(false);
    }
  });

  it('signs X webhooks with x-twitter-webhooks-signature, base64 HMAC with the consumer secret', async () => {
    await customerWrites(world, 'x', X_USER, '3001969357', 'Hi there');
    const hook = await world.receiver.waitFor((r) => r.path === '/webhooks/twitter');
    expect(verifyX(hook.raw, hook.headers['x-twitter-webhooks-signature'])).toBe(true);
    expect(hook.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('sends nothing for an account whose app subscription is off', async () => {
    const page2 = '1000000000000002';
    const res = await customerWrites(world, 'facebook', page2, '7002');
    expect(res.body).toMatchObject({ delivered: false, status: null, error: 'not_subscribed' });
    await new Promise((r) => setTimeout(r, 50));
    expect(world.receiver.posts('/webhooks/facebook')).toHaveLength(0);
  });

  it('stops sending once the app unsubscribes', async () => {
    const token = world.sandbox.sandbox.issueGrant('facebook', PAGE).accessToken;
    const del = await call(graph(world, `${PAGE}/subscribed_apps`), { method: 'DELETE', token });
    expect(del.body).toEqual({ success: true });
    const res = await customerWrites(world, 'facebook', PAGE, '7003');
    expect(res.body.delivered).toBe(false);
  });
});
