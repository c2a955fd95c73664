import { ConnectorError } from '../errors.ts';

/**
 * Disconnecting is idempotent: a token already revoked or an account already gone means the
 * work is done. Anything else (rate limit, outage) still surfaces so core can retry.
 */
export async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'auth_revoked' || err.kind === 'not_found')) return;
    throw err;
  }
}
