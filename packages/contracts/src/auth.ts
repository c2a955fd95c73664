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
