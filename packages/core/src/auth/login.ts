import type { LoginBody, MfaChallengeDto } from '@replyforce/contracts';
import {
  findUserByEmail,
  findUserMfa,
  listMembershipsOfUser,
  withSystem,
  withTenant,
  withUser,
} from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreDeps } from '../deps.ts';
import { type IssuedSession, issueSession } from './issue-session.ts';
import { assertLoginAllowed, clearAccountFailures, recordLoginFailure } from './login-throttle.ts';
import { signMfaChallenge } from './mfa-challenge.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';

const INVALID = 'The email or password is not correct';

export async function login(
  deps: CoreDeps,
  input: z.output<typeof LoginBody>,
  meta: { ip: string | undefined },
): Promise<IssuedSession | MfaChallengeDto> {
  await assertLoginAllowed(deps, input.email, meta.ip);
  // A lookup outside any tenant: nobody is signed in yet.
  const user = await withSystem(deps.db, (tx) => findUserByEmail(tx, input.email));
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  const memberships = user
    ? await withUser(deps.db, user.id, (tx) => listMembershipsOfUser(tx, user.id))
    : [];

  if (!user || !ok) {
    await recordLoginFailure(deps, input.email, meta.ip);
    // Each workspace of a real account sees the failed attempt in its audit log.
    for (const m of memberships) {
      await withTenant(deps.db, m.tenant.id, (tx) =>
        recordAudit(
          tx,
          { tenantId: m.tenant.id, userId: user?.id, email: input.email, ip: meta.ip },
          { action: 'auth.login', resourceType: 'user', resourceId: user?.id, result: 'failure' },
        ),
      );
    }
    throw new AppError('INVALID_CREDENTIALS', INVALID);
  }
  const chosen = input.tenantId ? memberships.find((m) => m.tenant.id === input.tenantId) : memberships[0];
  if (!chosen) {
    throw new AppError(
      memberships.length === 0 ? 'INVALID_CREDENTIALS' : 'FORBIDDEN',
      memberships.length === 0
        ? 'This account belongs to no workspace any more'
        : 'You are not a member of that workspace',
    );
  }
  // With a second factor on, the password alone opens nothing: the failure count is not cleared
  // either, so guessing codes after a correct password stays throttled (login-mfa.ts clears it).
  const factor = await withUser(deps.db, user.id, (tx) => findUserMfa(tx, user.id));
  if (factor?.confirmedAt) {
    const challenge = await signMfaChallenge(deps, { userId: user.id, tenantId: chosen.tenant.id });
    return { status: 'mfa_required', challenge: challenge.token, expiresIn: challenge.expiresIn };
  }
  await clearAccountFailures(deps, input.email);
  const issued = await issueSession(deps, { tenantId: chosen.tenant.id, userId: user.id, role: chosen.role });
  await withTenant(deps.db, chosen.tenant.id, (tx) =>
    recordAudit(
      tx,
      { tenantId: chosen.tenant.id, userId: user.id, role: chosen.role, email: user.email, ip: meta.ip },
      { action: 'auth.login', resourceType: 'user', resourceId: user.id, result: 'success' },
    ),
  );
  return issued;
}
