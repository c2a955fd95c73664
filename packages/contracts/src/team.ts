import { z } from 'zod';
import { Email, Password } from './auth.ts';
import { ROLES } from './roles.ts';

export const MemberDto = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  isOwner: z.boolean(),
  joinedAt: z.iso.datetime(),
});
export type MemberDto = z.infer<typeof MemberDto>;
export const MemberList = z.object({ items: z.array(MemberDto) });

export const ChangeRoleBody = z.strictObject({ role: z.enum(ROLES) });
export const UserIdParams = z.strictObject({ userId: z.uuid() });
export const IdParams = z.strictObject({ id: z.uuid() });

export const InviteBody = z.strictObject({ email: Email, role: z.enum(ROLES) });
export const InvitationDto = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type InvitationDto = z.infer<typeof InvitationDto>;
export const InvitationList = z.object({ items: z.array(InvitationDto) });

/** Public view of an invitation, shown on the accept page before the person signs in. */
export const InvitationPreviewDto = z.object({
  tenantName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
  accountExists: z.boolean(),
});
export type InvitationPreviewDto = z.infer<typeof InvitationPreviewDto>;

export const InvitationTokenParams = z.strictObject({ token: z.string().min(10).max(2000) });
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(2000),
  // Required only when the invited email has no account yet.
  name: z.string().trim().min(1).max(80).optional(),
  password: Password.or(z.string().min(1).max(200)),
});
export type MemberList = z.infer<typeof MemberList>;
export type InvitationList = z.infer<typeof InvitationList>;
