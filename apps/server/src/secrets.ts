import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@replyforce/config';

/**
 * The JWT signing key. Configured (JWT_SECRET) on PostgreSQL; in embedded mode generated once and
 * kept in DATA_DIR (mode 0600) so sessions and invitation links survive a restart.
 */
export function jwtKeyFor(config: Config): Uint8Array {
  if (config.auth.jwtSecret) return new TextEncoder().encode(config.auth.jwtSecret);
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secrets.json');
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify({ jwtSecret: randomBytes(48).toString('base64url') }), {
      mode: 0o600,
    });
  }
  const { jwtSecret } = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret: string };
  return new TextEncoder().encode(jwtSecret);
}
