import { createHash, randomBytes } from 'node:crypto';

const COUNT = 10;
// Unambiguous lowercase letters and digits: easy to read off paper and type back.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of 10 characters (~49 bits each), written `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * Codes are random and long, so a plain SHA-256 suffices (no password stretching needed); the
 * input is normalised so a code typed in capitals or without its dash still matches.
 */
export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(normal).digest('base64url');
}
