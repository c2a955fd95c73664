import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@replyforce/config';

type EmbeddedSecrets = { jwtSecret: string; masterKey: string; sandboxSecret: string };

/**
 * Embedded mode keeps its secrets in DATA_DIR/secrets.json (mode 0600), generated once, so
 * sessions, invitation links, sealed channel tokens and sandbox tokens survive a restart. A file
 * written by an older version gains the keys it lacks.
 */
function embeddedSecrets(config: Config): EmbeddedSecrets {
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secrets.json');
  const stored: Partial<EmbeddedSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: EmbeddedSecrets = {
    jwtSecret: stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    masterKey: stored.masterKey ?? randomBytes(32).toString('base64'),
    sandboxSecret: stored.sandboxSecret ?? randomBytes(32).toString('base64url'),
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}

/** The JWT signing key: JWT_SECRET on PostgreSQL, the embedded one otherwise. */
export function jwtKeyFor(config: Config): Uint8Array {
  return new TextEncoder().encode(config.auth.jwtSecret ?? embeddedSecrets(config).jwtSecret);
}

/** The master key that wraps every tenant's data key: MASTER_KEY, or the embedded one. */
export function masterKeyFor(config: Config): Buffer {
  return config.masterKey ?? Buffer.from(embeddedSecrets(config).masterKey, 'base64');
}

/** Signs the sandbox's tokens so they outlive a restart (sandbox only). */
export function sandboxSecretFor(config: Config): string {
  return config.masterKey ? config.masterKey.toString('base64url') : embeddedSecrets(config).sandboxSecret;
}
