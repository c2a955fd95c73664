import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.ts';

export const Email = z
  .email()
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const RegisterBody = z.strictObject({
  tenantName: z.string().trim().min(2).max(80),
  name: z.string().trim().min(1).max(80),
  email: Email,
  password: Password,
});
export type RegisterBody = z.input<typeof RegisterBody>;

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  tenantId: z.uuid().optional(),
});
export type LoginBody = z.input<typeof LoginBody>;

export const SwitchTenantBody = z.strictObject({ tenantId: z.uuid() });

export const UserDto = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export const TenantDto = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  plan: z.string(),
});
export const MembershipDto = z.object({
  tenant: TenantDto,
  role: z.enum(ROLES),
});

/** What the dashboard needs after login, refresh, switch and accept-invite. */
export const SessionDto = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  user: UserDto,
  tenant: TenantDto,
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  memberships: z.array(MembershipDto),
});
export type SessionDto = z.infer<typeof SessionDto>;

/** Claims of the access JWT (seed 001 §5.2). */
export const AccessClaims = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  iat: z.number(),
  exp: z.number(),
  iss: z.string(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

/** GET /auth/me: the session without its tokens. */
export const MeDto = SessionDto.omit({ accessToken: true, expiresIn: true });
export type MeDto = z.infer<typeof MeDto>;

/** POST /auth/login when the account has a second factor: no session yet, only a short-lived challenge. */
export const MfaChallengeDto = z.object({
  status: z.literal('mfa_required'),
  challenge: z.string(),
  expiresIn: z.number().int(),
});
export type MfaChallengeDto = z.infer<typeof MfaChallengeDto>;

const TotpCode = z.string().regex(/^\d{6}$/, 'a 6-digit code');
const RecoveryCode = z.string().trim().min(8).max(40);

/** POST /auth/login/mfa: the challenge plus either a current code or one recovery code. */
export const LoginMfaBody = z
  .strictObject({
    challenge: z.string().min(1).max(2000),
    code: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
  })
  .refine(
    (b) => (b.code === undefined) !== (b.recoveryCode === undefined),
    'send either code or recoveryCode',
  );
export type LoginMfaBody = z.input<typeof LoginMfaBody>;

export const MfaStatusDto = z.object({
  enabled: z.boolean(),
  /** An enrolment was started and awaits its first code. */
  pending: z.boolean(),
  /** The workspace requires MFA of admins and this admin has none yet: only enrolment is allowed. */
  enrolmentRequired: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatusDto = z.infer<typeof MfaStatusDto>;

export const MfaEnrolmentDto = z.object({ secret: z.string(), otpauthUri: z.string() });
export type MfaEnrolmentDto = z.infer<typeof MfaEnrolmentDto>;

export const MfaCodeBody = z.strictObject({ code: TotpCode });
export const MfaDisableBody = z
  .strictObject({ code: TotpCode.optional(), password: z.string().min(1).max(200).optional() })
  .refine((b) => (b.code === undefined) !== (b.password === undefined), 'send either code or password');
export type MfaDisableBody = z.input<typeof MfaDisableBody>;

/** Shown once: only their hashes are stored. */
export const RecoveryCodesDto = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesDto = z.infer<typeof RecoveryCodesDto>;

export const SecuritySettingsDto = z.object({ mfaRequiredForAdmins: z.boolean() });
export type SecuritySettingsDto = z.infer<typeof SecuritySettingsDto>;
export const SecuritySettingsBody = z.strictObject({ mfaRequiredForAdmins: z.boolean() });
