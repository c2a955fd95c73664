import { AccessClaims, ROLE_PERMISSIONS, type Role } from '@replyforce/contracts';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

const AUDIENCE = 'replyforce:api';

/** Short-lived access JWT with the claims of seed 001 §5.2. */
export async function signAccessToken(
  deps: CoreDeps,
  claims: { userId: string; tenantId: string; role: Role },
): Promise<{ token: string; expiresIn: number }> {
  const expiresIn = deps.config.auth.accessTokenTtlSeconds;
  const token = await new SignJWT({
    tid: claims.tenantId,
    role: claims.role,
    permissions: [...ROLE_PERMISSIONS[claims.role]],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(deps.config.auth.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${expiresIn}s`)
    .sign(deps.jwtKey);
  return { token, expiresIn };
}

export async function verifyAccessToken(deps: CoreDeps, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, deps.jwtKey, {
      algorithms: ['HS256'],
      issuer: deps.config.auth.issuer,
      audience: AUDIENCE,
    });
    const parsed = AccessClaims.safeParse(payload);
    if (!parsed.success) throw new AppError('UNAUTHENTICATED', 'The access token is not valid');
    return parsed.data;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'The access token has expired');
    throw new AppError('UNAUTHENTICATED', 'The access token is not valid');
  }
}
