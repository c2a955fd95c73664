import type { MfaDisableBody, MfaEnrolmentDto, MfaStatusDto, RecoveryCodesDto } from '@replyforce/contracts';
import {
  deleteUserMfa,
  findUser,
  findUserMfa,
  type Tx,
  updateUserMfa,
  upsertPendingUserMfa,
  withTenantUser,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { hashRecoveryCode, newRecoveryCodes } from './mfa-recovery-codes.ts';
import { checkFactor } from './mfa-verify.ts';
import { verifyPassword } from './password.ts';
import { newTotpSecret, otpauthUri } from './totp.ts';

const ISSUER = 'ReplyForce';
const WRONG_CODE = 'The code is not correct or was already used';

// The user's own row and the audit entry of the tenant they act in: both contexts at once.
const asActor = <T>(deps: CoreDeps, actor: Actor, fn: (tx: Tx) => Promise<T>) =>
  withTenantUser(deps.db, actor.tenantId, actor.userId, fn);

export function getMfaStatus(deps: CoreDeps, actor: Actor): Promise<MfaStatusDto> {
  return asActor(deps, actor, async (tx) => {
    const row = await findUserMfa(tx, actor.userId);
    return {
      enabled: Boolean(row?.confirmedAt),
      pending: Boolean(row && !row.confirmedAt),
      enrolmentRequired: actor.mfaEnrolmentRequired === true,
      recoveryCodesLeft: row?.confirmedAt ? row.recoveryCodeHashes.length : 0,
    };
  });
}

/** A new pending secret (replacing an earlier unconfirmed one); nothing changes at sign-in yet. */
export function startMfaEnrolment(deps: CoreDeps, actor: Actor): Promise<MfaEnrolmentDto> {
  return asActor(deps, actor, async (tx) => {
    const existing = await findUserMfa(tx, actor.userId);
    if (existing?.confirmedAt)
      throw new AppError('CONFLICT', 'Two-factor sign-in is already on; turn it off first to re-enrol');
    const secret = newTotpSecret();
    await upsertPendingUserMfa(tx, actor.userId, deps.vault.sealForUser(actor.userId, secret));
    return { secret, otpauthUri: otpauthUri(secret, actor.email, ISSUER) };
  });
}

/** The first correct code turns the factor on and yields the recovery codes, shown this once. */
export async function confirmMfaEnrolment(
  deps: CoreDeps,
  actor: Actor,
  code: string,
): Promise<RecoveryCodesDto> {
  const codes = await asActor(deps, actor, async (tx) => {
    const row = await findUserMfa(tx, actor.userId);
    if (!row) throw new AppError('NOT_FOUND', 'Start the enrolment first');
    if (row.confirmedAt) throw new AppError('CONFLICT', 'Two-factor sign-in is already on');
    if (!(await checkFactor(tx, deps, actor.userId, { code }, { pendingOk: true }))) return undefined;
    const fresh = newRecoveryCodes();
    await updateUserMfa(tx, actor.userId, {
      confirmedAt: new Date(),
      recoveryCodeHashes: fresh.map(hashRecoveryCode),
    });
    await recordAudit(tx, actor, {
      action: 'mfa.enrolled',
      resourceType: 'user',
      resourceId: actor.userId,
      result: 'success',
    });
    return fresh;
  });
  if (!codes) throw new AppError('VALIDATION_FAILED', WRONG_CODE);
  return { recoveryCodes: codes };
}

/** Needs a current code or the password, so a borrowed unlocked session cannot quietly drop it. */
export async function disableMfa(deps: CoreDeps, actor: Actor, body: MfaDisableBody): Promise<void> {
  const ok = await asActor(deps, actor, async (tx) => {
    const row = await findUserMfa(tx, actor.userId);
    if (!row?.confirmedAt) throw new AppError('NOT_FOUND', 'Two-factor sign-in is not on');
    let proven = false;
    if (body.code !== undefined)
      proven = (await checkFactor(tx, deps, actor.userId, { code: body.code })) !== undefined;
    else if (body.password !== undefined) {
      const user = await findUser(tx, actor.userId);
      proven = user ? await verifyPassword(user.passwordHash, body.password) : false;
    }
    if (!proven) return false;
    await deleteUserMfa(tx, actor.userId);
    await recordAudit(tx, actor, {
      action: 'mfa.disabled',
      resourceType: 'user',
      resourceId: actor.userId,
      result: 'success',
      metadata: { proof: body.code !== undefined ? 'code' : 'password' },
    });
    return true;
  });
  if (!ok)
    throw new AppError(
      'VALIDATION_FAILED',
      body.code !== undefined ? WRONG_CODE : 'The password is not correct',
    );
}

/** Replaces every recovery code (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(
  deps: CoreDeps,
  actor: Actor,
  code: string,
): Promise<RecoveryCodesDto> {
  const codes = await asActor(deps, actor, async (tx) => {
    const row = await findUserMfa(tx, actor.userId);
    if (!row?.confirmedAt) throw new AppError('NOT_FOUND', 'Two-factor sign-in is not on');
    if (!(await checkFactor(tx, deps, actor.userId, { code }))) return undefined;
    const fresh = newRecoveryCodes();
    await updateUserMfa(tx, actor.userId, { recoveryCodeHashes: fresh.map(hashRecoveryCode) });
    await recordAudit(tx, actor, {
      action: 'mfa.recovery_codes_regenerated',
      resourceType: 'user',
      resourceId: actor.userId,
      result: 'success',
    });
    return fresh;
  });
  if (!codes) throw new AppError('VALIDATION_FAILED', WRONG_CODE);
  return { recoveryCodes: codes };
}
