import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode, totpStepAt } from '../src/auth/totp.ts';

// RFC 6238 appendix B, SHA-1 rows: the 20-byte ASCII key "1234567890…" and 8-digit codes.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1)', () => {
  it.each(RFC_VECTORS)('matches the RFC vector at T=%i', (seconds, expected) => {
    expect(totpCode(RFC_KEY, totpStepAt(seconds * 1000), 8)).toBe(expected);
    // The 6-digit code apps show is the last six digits of the same truncation.
    expect(totpCode(RFC_KEY, totpStepAt(seconds * 1000))).toBe(expected.slice(2));
  });

  it('round-trips base32 (RFC 4648 test strings)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts ±1 step, refuses older codes and any step already used', () => {
    const secret = base32Encode(RFC_KEY);
    const now = 1_111_111_111_000;
    const step = totpStepAt(now);
    const code = (s: number) => totpCode(RFC_KEY, s);
    expect(matchTotp(secret, code(step), now, null)).toBe(step);
    expect(matchTotp(secret, code(step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, code(step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, code(step - 2), now, null)).toBeUndefined();
    expect(matchTotp(secret, code(step + 2), now, null)).toBeUndefined();
    expect(matchTotp(secret, code(step), now, step)).toBeUndefined();
    expect(matchTotp(secret, code(step - 1), now, step - 1)).toBeUndefined();
    expect(matchTotp(secret, '12345', now, null)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', now, null)).toBeUndefined();
  });

  it('builds an otpauth URI authenticator apps read', () => {
    const text = otpauthUri('MZXW6YTBOI', 'ann@example.com', 'ReplyForce');
    expect(text.startsWith('otpauth://totp/ReplyForce:ann%40example.com?')).toBe(true);
    const uri = new URL(text);
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'MZXW6YTBOI',
      issuer: 'ReplyForce',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
