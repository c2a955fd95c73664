import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

const AUDIENCE = 'replyforce:invitation';

/** The signed link token: tenant and invitation ids; single use is enforced by the invitation row. */
export function signInvitationToken(
  deps: CoreDeps,
  p: { tenantId: string; invitationId: string; expiresAt: Date },
): Promise<string> {
  return new SignJWT({ tid: p.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(p.invitationId)
    .setIssuer(deps.config.auth.issuer)
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(p.expiresAt.getTime() / 1000))
    .sign(deps.jwtKey);
}

export async function verifyInvitationToken(
  deps: CoreDeps,
  token: string,
): Promise<{ tenantId: string; invitationId: string }> {
  try {
    const { payload } = await jwtVerify(token, deps.jwtKey, {
      algorithms: ['HS256'],
      issuer: deps.config.auth.issuer,
      audience: AUDIENCE,
    });
    const uuid = /^[0-9a-f-]{36}$/i;
    if (
      typeof payload.tid !== 'string' ||
      !uuid.test(payload.tid) ||
      !payload.jti ||
      !uuid.test(payload.jti)
    ) {
      throw new Error('bad claims');
    }
    return { tenantId: payload.tid, invitationId: payload.jti };
  } catch {
    throw new AppError('INVITATION_INVALID', 'This invitation link is not valid or has expired');
  }
}
