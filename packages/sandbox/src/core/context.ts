import type { ResolvedOptions } from '../options.ts';
import type { Platform } from '../types.ts';
import type { Dispatcher } from '../webhooks/dispatcher.ts';
import type { AuthCodes } from './auth-codes.ts';
import type { Faults } from './faults.ts';
import type { RateLimiter } from './sliding-window.ts';
import type { Store } from './store.ts';
import { subscriptionKey } from './subscriptions.ts';
import type { Timers } from './timers.ts';
import type { TokenSigner } from './tokens.ts';

/** Everything a route needs, built once per sandbox. */
export type SandboxContext = {
  opts: ResolvedOptions;
  now: () => number;
  store: Store;
  tokens: TokenSigner;
  limiter: RateLimiter;
  faults: Faults;
  dispatcher: Dispatcher;
  timers: Timers;
  codes: AuthCodes;
};

/**
 * Whether the app's subscription for this account is active (and, for a Page, covers `field`).
 * Instagram and WhatsApp choose their fields in the app dashboard, so only the Page is checked per field.
 */
export function isSubscribed(
  ctx: SandboxContext,
  platform: Platform,
  accountId: string,
  field?: string,
): boolean {
  const sub = ctx.store.subscription(subscriptionKey(platform, accountId));
  if (!sub) return false;
  if (platform === 'facebook' && field) return sub.fields.includes(field);
  if (platform === 'instagram' && field)
    return sub.fields.includes(field === 'messaging_seen' ? 'messages' : field);
  return true;
}
