import { findUserMfaForUpdate, type Tx, updateUserMfa } from '@replyforce/db';
import type { CoreDeps } from '../deps.ts';
import { hashRecoveryCode } from './mfa-recovery-codes.ts';
import { matchTotp } from './totp.ts';

export type Factor = { code: string } | { recoveryCode: string };

/**
 * Checks a second factor against the user's row, locked for the transaction, and spends it: the
 * code's time step becomes the last used one, or the recovery code's hash is removed. Returns
 * which kind passed, or undefined. `pendingOk` accepts an unconfirmed factor (enrolment).
 */
export async function checkFactor(
  tx: Tx,
  deps: CoreDeps,
  userId: string,
  factor: Factor,
  opts: { pendingOk?: boolean } = {},
): Promise<'totp' | 'recovery' | undefined> {
  const row = await findUserMfaForUpdate(tx, userId);
  if (!row || (!row.confirmedAt && !opts.pendingOk)) return undefined;
  if ('code' in factor) {
    const secret = deps.vault.openForUser(userId, row.secretSealed);
    const step = matchTotp(secret, factor.code, Date.now(), row.lastUsedStep);
    if (step === undefined) return undefined;
    await updateUserMfa(tx, userId, { lastUsedStep: step });
    return 'totp';
  }
  const hash = hashRecoveryCode(factor.recoveryCode);
  if (!row.recoveryCodeHashes.includes(hash)) return undefined;
  await updateUserMfa(tx, userId, { recoveryCodeHashes: row.recoveryCodeHashes.filter((h) => h !== hash) });
  return 'recovery';
}
