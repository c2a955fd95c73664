import { AppError } from '../app-error.ts';
import type { CoreDeps } from '../deps.ts';

/**
 * Failed logins are counted per account and per IP in a sliding window; past either limit the
 * login answers 429 with Retry-After until the oldest failure leaves the window.
 */
const accountKey = (email: string) => `login-fail:acct:${email}`;
const ipKey = (ip: string) => `login-fail:ip:${ip}`;

export async function assertLoginAllowed(
  deps: CoreDeps,
  email: string,
  ip: string | undefined,
): Promise<void> {
  const a = deps.config.auth;
  const windowMs = a.loginFailureWindowSeconds * 1000;
  const checks: [string, number][] = [[accountKey(email), a.loginMaxFailuresPerAccount]];
  if (ip) checks.push([ipKey(ip), a.loginMaxFailuresPerIp]);
  for (const [key, max] of checks) {
    const { count, oldestAt } = await deps.counter.count(key, windowMs);
    if (count >= max) {
      const retryAfter = Math.max(1, Math.ceil(((oldestAt ?? Date.now()) + windowMs - Date.now()) / 1000));
      throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfter });
    }
  }
}

export async function recordLoginFailure(
  deps: CoreDeps,
  email: string,
  ip: string | undefined,
): Promise<void> {
  const windowMs = deps.config.auth.loginFailureWindowSeconds * 1000;
  await deps.counter.hit(accountKey(email), windowMs);
  if (ip) await deps.counter.hit(ipKey(ip), windowMs);
}

export async function clearAccountFailures(deps: CoreDeps, email: string): Promise<void> {
  await deps.counter.reset(accountKey(email));
}
