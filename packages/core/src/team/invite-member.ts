import type { InvitationDto, Role } from '@replyforce/contracts';
import {
  findMembership,
  findTenant,
  findUser,
  findUserByEmail,
  insertInvitation,
  revokePendingInvitationsFor,
  withSystem,
  withTenant,
} from '@replyforce/db';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { dispatchMail, queueMailIn } from '../mail/queue-mail.ts';
import { signInvitationToken } from './invitation-token.ts';

/** Invites by email: a signed single-use link goes out through the mail outbox. Re-inviting replaces. */
export async function inviteMember(
  deps: CoreDeps,
  actor: Actor,
  p: { email: string; role: Role },
): Promise<InvitationDto> {
  const { tenantId } = actor;
  // Looking an email up across tenants is a system read; only "already a member here" is used.
  const existing = await withSystem(deps.db, (tx) => findUserByEmail(tx, p.email));
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + deps.config.auth.invitationTtlHours * 3_600_000);
  const token = await signInvitationToken(deps, { tenantId, invitationId: id, expiresAt });
  const link = `${deps.config.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;

  const { invitation, mailId } = await withTenant(deps.db, tenantId, async (tx) => {
    if (existing && (await findMembership(tx, tenantId, existing.id))) {
      throw new AppError('ALREADY_MEMBER', `${p.email} is already a member of this workspace`);
    }
    await revokePendingInvitationsFor(tx, tenantId, p.email);
    const row = await insertInvitation(tx, {
      id,
      tenantId,
      email: p.email,
      role: p.role,
      invitedBy: actor.userId,
      expiresAt,
    });
    const tenant = await findTenant(tx, tenantId);
    const inviter = await findUser(tx, actor.userId);
    const mailId = await queueMailIn(tx, tenantId, {
      to: p.email,
      subject: `${inviter?.name ?? 'A teammate'} invited you to ${tenant?.name ?? 'a workspace'} on ReplyForce`,
      text: [
        `${inviter?.name ?? 'A teammate'} invited you to join ${tenant?.name ?? 'their workspace'} on ReplyForce as ${p.role}.`,
        '',
        `Accept the invitation: ${link}`,
        '',
        `The link works once and expires on ${expiresAt.toUTCString()}.`,
      ].join('\n'),
    });
    await recordAudit(tx, actor, {
      action: 'team.invite',
      resourceType: 'invitation',
      resourceId: id,
      result: 'success',
      metadata: { email: p.email, role: p.role },
    });
    return { invitation: { ...row, invitedBy: inviter?.name ?? '' }, mailId };
  });
  await dispatchMail(deps, tenantId, mailId);
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
