import type { Config } from '@replyforce/config';
import type { Role } from '@replyforce/contracts';
import type { Database } from '@replyforce/db';
import type { JobQueue, WindowCounter } from '@replyforce/queue';
import type { MailTransport } from './mail/mail-transport.ts';

/** What every use-case may touch, built once at boot (apps/server/src/runtime.ts). */
export type CoreDeps = {
  config: Config;
  db: Database;
  queue: JobQueue;
  counter: WindowCounter;
  mail: MailTransport;
  /** HS256 key for access tokens and invitation links. */
  jwtKey: Uint8Array;
};

/** Who is acting, as established by the auth plugin from a verified token and a live membership. */
export type Actor = {
  userId: string;
  tenantId: string;
  role: Role;
  email: string;
  ip: string | undefined;
};
