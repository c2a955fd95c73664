import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  metaVerifyChallenge,
  verifyMetaSignature,
  verifyXSignature,
  xCrcResponseToken,
} from '../src/index.ts';

// platform-contracts.md §13, vectors #1–#5, byte for byte.
const META_SECRET = 'TEST_APP_SECRET';
const V1 = 'sha256=0c61947b610d4f45e65f3d680e26027121ec2413e77598bcb6cfc6e0d9888221';
const V2 = 'sha1=44bbe8cb5111303a241fc3f303d8d997cbf0308f';
const V3 = 'sha256=SYYKwb5URQ4OnNXL3KWDH9ph6EIaP+4PTQFxLk5FIK4=';
const V4 = 'sha256=25Cu3iwbbiqBTwQRzcKJZwisjf736V2Q8UaTlkfLSoc=';
const V5 = 'sha256=YWHphPn/JFq43jkF0y4/w8R/SelmLjvpunhVFY8JhlI=';

describe('signature vectors (platform-contracts §13)', () => {
  it('#1 Meta X-Hub-Signature-256 over "test"', () => {
    expect(verifyMetaSignature(Buffer.from('test'), V1, META_SECRET)).toBe(true);
  });

  it('#2 the legacy sha1 header is the same HMAC under another algorithm, and is not accepted as sha256', () => {
    const sha1 = `sha1=${createHmac('sha1', META_SECRET).update('test').digest('hex')}`;
    expect(sha1).toBe(V2);
    expect(verifyMetaSignature(Buffer.from('test'), V2, META_SECRET)).toBe(false);
  });

  it('#3 X CRC response token', () => {
    expect(xCrcResponseToken('challenge_string', 'test')).toBe(V3);
  });

  it('#4 X event signature over a form-encoded body', () => {
    expect(verifyXSignature(Buffer.from('test=1&other_test=2'), V4, 'test')).toBe(true);
  });

  it('#5 X event signature over a JSON body', () => {
    expect(verifyXSignature(Buffer.from('{"test_number":1,"test_string":"two"}'), V5, 'test')).toBe(true);
  });
});

describe('signature negative cases (none throws)', () => {
  const metaBody = Buffer.from(
    '{"object":"page","entry":[{"id":"1","messaging":[{"message":{"text":"café"}}]}]}',
  );
  const metaHeader = `sha256=${createHmac('sha256', META_SECRET).update(metaBody).digest('hex')}`;
  const xBody = Buffer.from('{"test_number":1,"test_string":"two"}');

  it('accepts the unmodified Meta body, so the rejections below are meaningful', () => {
    expect(verifyMetaSignature(metaBody, metaHeader, META_SECRET)).toBe(true);
  });

  it('rejects a missing header', () => {
    expect(verifyMetaSignature(metaBody, undefined, META_SECRET)).toBe(false);
    expect(verifyXSignature(xBody, undefined, 'test')).toBe(false);
    expect(verifyMetaSignature(metaBody, '', META_SECRET)).toBe(false);
  });

  it('rejects a wrong prefix or algorithm', () => {
    const hex = metaHeader.slice('sha256='.length);
    for (const header of [`sha1=${hex}`, `sha512=${hex}`, hex, `sha256:${hex}`, `=${hex}`]) {
      expect(verifyMetaSignature(metaBody, header, META_SECRET)).toBe(false);
    }
    const b64 = V5.slice('sha256='.length);
    for (const header of [`sha1=${b64}`, b64, `hmac-sha256=${b64}`]) {
      expect(verifyXSignature(xBody, header, 'test')).toBe(false);
    }
  });

  it('rejects a body mutated by one byte', () => {
    const mutated = Buffer.from(metaBody);
    mutated[10] = (mutated[10] ?? 0) ^ 0x01;
    expect(verifyMetaSignature(mutated, metaHeader, META_SECRET)).toBe(false);
    const xMutated = Buffer.from(xBody);
    xMutated[xMutated.length - 3] = 'x'.charCodeAt(0);
    expect(verifyXSignature(xMutated, V5, 'test')).toBe(false);
  });

  it('rejects the same JSON re-serialised with other whitespace or unicode escaping', () => {
    const parsed = JSON.parse(metaBody.toString('utf8'));
    const pretty = Buffer.from(JSON.stringify(parsed, null, 2));
    const escaped = Buffer.from(JSON.stringify(parsed).replace('é', '\\u00e9'));
    expect(JSON.parse(escaped.toString())).toEqual(parsed);
    expect(verifyMetaSignature(pretty, metaHeader, META_SECRET)).toBe(false);
    expect(verifyMetaSignature(escaped, metaHeader, META_SECRET)).toBe(false);
    const xSpaced = Buffer.from('{"test_number": 1, "test_string": "two"}');
    expect(verifyXSignature(xSpaced, V5, 'test')).toBe(false);
  });

  it('rejects headers of a different length without throwing', () => {
    for (const header of [`${metaHeader}00`, metaHeader.slice(0, -2), 'sha256=', 'sha256=zz', 'sha256==']) {
      expect(() => verifyMetaSignature(metaBody, header, META_SECRET)).not.toThrow();
      expect(verifyMetaSignature(metaBody, header, META_SECRET)).toBe(false);
    }
    for (const header of [`${V5}AA`, V5.slice(0, -4), 'sha256=', 'sha256=!!!!']) {
      expect(() => verifyXSignature(xBody, header, 'test')).not.toThrow();
      expect(verifyXSignature(xBody, header, 'test')).toBe(false);
    }
  });

  it('rejects everything when the secret is not configured', () => {
    const emptyKeyHeader = `sha256=${createHmac('sha256', '').update(metaBody).digest('hex')}`;
    expect(verifyMetaSignature(metaBody, emptyKeyHeader, '')).toBe(false);
  });
});

describe('metaVerifyChallenge', () => {
  const query = {
    'hub.mode': 'subscribe',
    'hub.verify_token': 'my-verify-token',
    'hub.challenge': 'challenge_123',
  };

  it('echoes the challenge when mode and token match', () => {
    expect(metaVerifyChallenge(query, 'my-verify-token')).toBe('challenge_123');
  });

  it('accepts the nested form qs-style parsers produce', () => {
    const nested = { hub: { mode: 'subscribe', verify_token: 'my-verify-token', challenge: 'c' } };
    expect(metaVerifyChallenge(nested, 'my-verify-token')).toBe('c');
  });

  it('refuses a wrong token, a missing token, another mode or an unset verify token', () => {
    expect(metaVerifyChallenge({ ...query, 'hub.verify_token': 'nope' }, 'my-verify-token')).toBeUndefined();
    expect(
      metaVerifyChallenge({ ...query, 'hub.verify_token': undefined }, 'my-verify-token'),
    ).toBeUndefined();
    expect(metaVerifyChallenge({ ...query, 'hub.mode': 'unsubscribe' }, 'my-verify-token')).toBeUndefined();
    expect(metaVerifyChallenge({ ...query, 'hub.verify_token': '' }, '')).toBeUndefined();
  });
});
