import type { LoginMfaBody } from '@replyforce/contracts';
import { findMembership, findUser, withTenantUser } from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { type IssuedSession, issueSessionIn } from './issue-session.ts';
import { assertLoginAllowed, clearAccountFailures, recordLoginFailure } from './login-throttle.ts';
import { spendMfaChallenge, verifyMfaChallenge } from './mfa-challenge.ts';
import { checkFactor } from './mfa-verify.ts';

/**
 * Second step of a sign-in: the challenge from POST /auth/login plus a code or a recovery code.
 * Wrong codes count as failed sign-ins of the account (same throttle as passwords); success
 * spends the challenge and issues the session exactly as a password-only login does.
 */
export async function loginWithMfa(
  deps: CoreDeps,
  input: z.output<typeof LoginMfaBody>,
  meta: { ip: string | undefined },
): Promise<IssuedSession> {
  const claims = await verifyMfaChallenge(deps, input.challenge);
  const { userId, tenantId } = claims;
  const account = await withTenantUser(deps.db, tenantId, userId, async (tx) => {
    const user = await findUser(tx, userId);
    const membership = await findMembership(tx, tenantId, userId);
    return user && membership ? { email: user.email, role: membership.role } : undefined;
  });
  if (!account) throw new AppError('UNAUTHENTICATED', 'The sign-in step is no longer valid; sign in again');
  await assertLoginAllowed(deps, account.email, meta.ip);

  const factor = input.code !== undefined ? { code: input.code } : { recoveryCode: input.recoveryCode ?? '' };
  const actor = { tenantId, userId, role: account.role, email: account.email, ip: meta.ip };
  const outcome = await withTenantUser(deps.db, tenantId, userId, async (tx) => {
    const passed = await checkFactor(tx, deps, userId, factor);
    if (!passed) {
      await recordAudit(tx, actor, {
        action: 'login.mfa_failed',
        resourceType: 'user',
        resourceId: userId,
        result: 'failure',
        metadata: { kind: 'code' in factor ? 'totp' : 'recovery' },
      });
      return undefined;
    }
    await spendMfaChallenge(deps, claims.jti);
    if (passed === 'recovery')
      await recordAudit(tx, actor, {
        action: 'mfa.recovery_used',
        resourceType: 'user',
        resourceId: userId,
        result: 'success',
      });
    await recordAudit(tx, actor, {
      action: 'auth.login',
      resourceType: 'user',
      resourceId: userId,
      result: 'success',
      metadata: { mfa: passed },
    });
    return issueSessionIn(tx, deps, { tenantId, userId, role: account.role });
  });
  if (!outcome) {
    await recordLoginFailure(deps, account.email, meta.ip);
    throw new AppError('INVALID_CREDENTIALS', 'The code is not correct or was already used');
  }
  await clearAccountFailures(deps, account.email);
  return outcome;
}
