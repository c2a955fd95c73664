import type { Config } from '@replyforce/config';
import type { ChannelConnector, Platform } from '@replyforce/connectors';
import type { Role } from '@replyforce/contracts';
import type { Database } from '@replyforce/db';
import type { EventBus, JobQueue, RateLimiter, WindowCounter } from '@replyforce/queue';
import type { ChannelRouter } from './channels/channel-router.ts';
import type { MailTransport } from './mail/mail-transport.ts';
import type { CircuitBreakers } from './outbound/circuit-breaker.ts';
import type { Vault } from './vault/vault.ts';

/** What every use-case may touch, built once at boot (apps/server/src/runtime.ts). */
export type CoreDeps = {
  config: Config;
  db: Database;
  queue: JobQueue;
  counter: WindowCounter;
  mail: MailTransport;
  /** HS256 key for access tokens and invitation links. */
  jwtKey: Uint8Array;
  /** Seals channel tokens and other secrets under the tenant's data key. */
  vault: Vault;
  /** One connector per platform, pointed at the real APIs or the sandbox. */
  channels: Record<Platform, ChannelConnector>;
  /** Which tenant's channel a webhook belongs to (cached). */
  router: ChannelRouter;
  /** Realtime fan-out to dashboards (best effort; the database is the truth). */
  bus: EventBus;
  /** Per-channel send budgets, shared by every worker through the counter. */
  limiter: RateLimiter;
  /** Per external service, seed 001 §8.2. */
  breakers: CircuitBreakers;
};

/** Who is acting, as established by the auth plugin from a verified token and a live membership. */
export type Actor = {
  userId: string;
  tenantId: string;
  role: Role;
  email: string;
  ip: string | undefined;
  /**
   * An admin of a workspace that requires MFA of admins, without a factor yet: the auth plugin
   * lets such a session reach only /api/v1/auth/* (where enrolment lives).
   */
  mfaEnrolmentRequired?: boolean;
};
