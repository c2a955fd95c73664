import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { findTenantKey, insertTenantKeyIfAbsent, type Tx } from '@replyforce/db';

/**
 * Envelope encryption (ARCHITECTURE.md invariant 4): each tenant has a random data key, stored
 * only wrapped (AES-256-GCM) by the master key; secrets are sealed with the tenant's data key.
 * Rotating the master key re-wraps data keys without touching the sealed secrets.
 */
export type Vault = {
  seal(tx: Tx, tenantId: string, plaintext: string): Promise<string>;
  open(tx: Tx, tenantId: string, sealed: string): Promise<string>;
  /**
   * For secrets of a global user (their MFA factor), which belong to no tenant: sealed under a key
   * derived from the master key (HKDF), with the user id bound as associated data.
   */
  sealForUser(userId: string, plaintext: string): string;
  openForUser(userId: string, sealed: string): string;
};

const VERSION = 'v1';

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

function decrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

export function createVault(masterKey: Buffer, masterKeyId = 'local-1'): Vault {
  if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
  // Unwrapped data keys, per tenant: unwrapping on every token use would cost a query each time.
  const cache = new Map<string, Buffer>();

  async function dataKey(tx: Tx, tenantId: string): Promise<Buffer> {
    const cached = cache.get(tenantId);
    if (cached) return cached;
    let row = await findTenantKey(tx, tenantId);
    if (!row) {
      const fresh = randomBytes(32);
      // The tenant id is bound as associated data: a wrapped key copied to another tenant fails.
      await insertTenantKeyIfAbsent(tx, {
        tenantId,
        wrappedKey: encrypt(masterKey, fresh, `tenant-key:${tenantId}`),
        masterKeyId,
      });
      row = await findTenantKey(tx, tenantId);
      if (!row) throw new Error('tenant data key vanished');
    }
    const key = decrypt(masterKey, row.wrappedKey, `tenant-key:${tenantId}`);
    if (cache.size > 10_000) cache.clear();
    cache.set(tenantId, key);
    return key;
  }

  const userKey = Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'replyforce:user-secrets:v1', 32),
  );

  return {
    sealForUser(userId, plaintext) {
      return encrypt(userKey, Buffer.from(plaintext, 'utf8'), `user:${userId}`);
    },
    openForUser(userId, sealed) {
      return decrypt(userKey, sealed, `user:${userId}`).toString('utf8');
    },
    async seal(tx, tenantId, plaintext) {
      return encrypt(await dataKey(tx, tenantId), Buffer.from(plaintext, 'utf8'), tenantId);
    },
    async open(tx, tenantId, sealed) {
      return decrypt(await dataKey(tx, tenantId), sealed, tenantId).toString('utf8');
    },
  };
}
