import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FORMAT = new RegExp(`^(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`);

/**
 * A refresh token is `<tenantId>.<tokenId>.<secret>`: the tenant sets the row-level-security
 * context for the lookup, the id finds the row, and only a hash of the secret is stored.
 */
export function newRefreshToken(tenantId: string): { id: string; value: string; hash: string } {
  const id = crypto.randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, value: `${tenantId}.${id}.${secret}`, hash: hashSecret(secret) };
}

export function parseRefreshToken(
  value: string,
): { tenantId: string; id: string; secret: string } | undefined {
  const m = FORMAT.exec(value);
  return m ? { tenantId: m[1]!, id: m[2]!, secret: m[3]! } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
