import type { InvitationPreviewDto } from '@replyforce/contracts';
import {
  findInvitationForUpdate,
  findMembership,
  findTenant,
  findUser,
  findUserByEmail,
  type InvitationRow,
  insertMembership,
  insertUser,
  isUniqueViolation,
  markInvitationAccepted,
  type Tx,
  withSystem,
  withTenant,
  withTenantUser,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type IssuedSession, issueSessionIn } from '../auth/issue-session.ts';
import { assertLoginAllowed, recordLoginFailure } from '../auth/login-throttle.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { CoreDeps } from '../deps.ts';
import { verifyInvitationToken } from './invitation-token.ts';

async function pendingInvitation(tx: Tx, tenantId: string, invitationId: string): Promise<InvitationRow> {
  const row = await findInvitationForUpdate(tx, tenantId, invitationId);
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
    throw new AppError(
      'INVITATION_INVALID',
      'This invitation has already been used, was revoked or has expired',
    );
  }
  return row;
}

/** What the accept page shows before the person signs in. */
export async function previewInvitation(deps: CoreDeps, token: string): Promise<InvitationPreviewDto> {
  const { tenantId, invitationId } = await verifyInvitationToken(deps, token);
  const view = await withTenant(deps.db, tenantId, async (tx) => {
    const inv = await pendingInvitation(tx, tenantId, invitationId);
    const tenant = await findTenant(tx, tenantId);
    const inviter = inv.invitedBy ? await findUser(tx, inv.invitedBy) : undefined;
    return { inv, tenantName: tenant?.name ?? '', invitedBy: inviter?.name ?? 'A teammate' };
  });
  const account = await withSystem(deps.db, (tx) => findUserByEmail(tx, view.inv.email));
  return {
    tenantName: view.tenantName,
    email: view.inv.email,
    role: view.inv.role,
    invitedBy: view.invitedBy,
    expiresAt: view.inv.expiresAt.toISOString(),
    accountExists: account !== undefined,
  };
}

/**
 * Accepts once: a new account is created with the given name and password, or an existing one
 * proves itself with its password. Then the person is signed in to the inviting workspace.
 */
export async function acceptInvitation(
  deps: CoreDeps,
  input: { token: string; name?: string | undefined; password: string },
  meta: { ip: string | undefined },
): Promise<IssuedSession> {
  const { tenantId, invitationId } = await verifyInvitationToken(deps, input.token);
  const invited = await withTenant(deps.db, tenantId, (tx) => pendingInvitation(tx, tenantId, invitationId));
  const existing = await withSystem(deps.db, (tx) => findUserByEmail(tx, invited.email));

  let userId: string;
  let newUser: { name: string; passwordHash: string } | undefined;
  if (existing) {
    await assertLoginAllowed(deps, existing.email, meta.ip);
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      await recordLoginFailure(deps, existing.email, meta.ip);
      throw new AppError('INVALID_CREDENTIALS', 'The password is not correct for this account');
    }
    userId = existing.id;
  } else {
    const problems: Record<string, string> = {};
    if (!input.name) problems.name = 'Required for a new account';
    if (input.password.length < 10) problems.password = 'At least 10 characters';
    if (Object.keys(problems).length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Choose your name and a password', { details: problems });
    }
    userId = crypto.randomUUID();
    newUser = { name: input.name!, passwordHash: await hashPassword(input.password) };
  }

  try {
    return await withTenantUser(deps.db, tenantId, userId, async (tx) => {
      const inv = await pendingInvitation(tx, tenantId, invitationId);
      if (newUser) await insertUser(tx, { id: userId, email: inv.email, ...newUser });
      else if (await findMembership(tx, tenantId, userId)) {
        throw new AppError('ALREADY_MEMBER', 'You are already a member of this workspace');
      }
      await insertMembership(tx, { tenantId, userId, role: inv.role });
      await markInvitationAccepted(tx, tenantId, inv.id);
      await recordAudit(
        tx,
        { tenantId, userId, role: inv.role, email: inv.email, ip: meta.ip },
        {
          action: 'team.invitation_accepted',
          resourceType: 'invitation',
          resourceId: inv.id,
          result: 'success',
          metadata: { role: inv.role, newAccount: newUser !== undefined },
        },
      );
      return issueSessionIn(tx, deps, { tenantId, userId, role: inv.role });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('EMAIL_TAKEN', 'An account with this email was just created; sign in to accept');
    throw err;
  }
}
