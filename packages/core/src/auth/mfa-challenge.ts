import { jwtVerify, SignJWT } from 'jose';
import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

// Its own audience: a challenge is never accepted as an access token, nor the other way round.
const AUDIENCE = 'replyforce:mfa-challenge';
export const CHALLENGE_TTL_SECONDS = 300;

export type ChallengeClaims = { userId: string; tenantId: string; jti: string };

/** Proof that the password was right, for the second step of this user's sign-in only. */
export async function signMfaChallenge(deps: CoreDeps, p: { userId: string; tenantId: string }) {
  const token = await new SignJWT({ tid: p.tenantId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(p.userId)
    .setJti(crypto.randomUUID())
    .setIssuer(deps.config.auth.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${CHALLENGE_TTL_SECONDS}s`)
    .sign(deps.jwtKey);
  return { token, expiresIn: CHALLENGE_TTL_SECONDS };
}

export async function verifyMfaChallenge(deps: CoreDeps, token: string): Promise<ChallengeClaims> {
  try {
    const { payload } = await jwtVerify(token, deps.jwtKey, {
      algorithms: ['HS256'],
      issuer: deps.config.auth.issuer,
      audience: AUDIENCE,
    });
    const { sub, tid, jti } = payload;
    if (typeof sub !== 'string' || typeof tid !== 'string' || typeof jti !== 'string')
      throw new Error('claims');
    return { userId: sub, tenantId: tid, jti };
  } catch {
    throw new AppError('UNAUTHENTICATED', 'The sign-in step has expired or is not valid; sign in again');
  }
}

/**
 * Marks the challenge spent, atomically across processes (the shared window counter): the first
 * caller wins, a replay of the same challenge is refused even with another valid code.
 */
export async function spendMfaChallenge(deps: CoreDeps, jti: string): Promise<void> {
  const r = await deps.counter.tryHit(`mfa-challenge:${jti}`, 1, CHALLENGE_TTL_SECONDS * 1000 + 60_000);
  if (!r.recorded) throw new AppError('UNAUTHENTICATED', 'This sign-in step was already used; sign in again');
}
