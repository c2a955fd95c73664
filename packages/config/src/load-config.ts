import { resolve } from 'node:path';
import { envSchema } from './schema.ts';

export type CrmVendorName = 'hubspot' | 'salesforce' | 'zoho' | 'pipedrive';

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** Embedded mode: PGlite under dataDir and in-process jobs. */
  embedded: boolean;
  database: { url: string | undefined; poolMax: number };
  redisUrl: string | undefined;
  auth: {
    /** Undefined only in embedded mode, where the server keeps one in dataDir. */
    jwtSecret: string | undefined;
    issuer: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    invitationTtlHours: number;
    loginMaxFailuresPerAccount: number;
    loginMaxFailuresPerIp: number;
    loginFailureWindowSeconds: number;
    cookieSecure: boolean;
  };
  http: { bodyLimitBytes: number; trustProxy: boolean; metricsToken: string | undefined };
  seedDemo: boolean;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** Undefined only in embedded mode, where the server keeps one in dataDir. */
  masterKey: Buffer | undefined;
  /** The platform stand-ins are mounted at /sandbox and the connectors point at them. */
  sandbox: boolean;
  /** The sandbox merges webhook events of one receiver handed over within this window; 0 sends each alone. */
  sandboxWebhookBatchMs: number;
  /** Tenant-configured URLs (a language model's base URL) may reach private and loopback addresses. */
  allowPrivateUrls: boolean;
  channels: {
    metaAppId: string;
    metaAppSecret: string;
    metaVerifyToken: string;
    graphUrl: string;
    facebookWebUrl: string;
    graphVersion: string;
    xClientId: string;
    xClientSecret: string;
    xConsumerSecret: string;
    xWebhookId: string;
    xApiUrl: string;
    xWebUrl: string;
    timeoutMs: number;
    replayWindowSeconds: number;
  };
  /** CRM apps, hosts and sync pacing; a vendor's baseUrl is unset when it talks to the real hosts. */
  crm: {
    apps: Record<
      CrmVendorName,
      {
        clientId: string;
        clientSecret: string;
        baseUrl: string | undefined;
        /** False in production without the sandbox while the secret is still the demo default. */
        configured: boolean;
      }
    >;
    timeoutMs: number;
    /** Delays before each retry of a failed sync; its length + 1 is the number of attempts. */
    retryDelaysMs: number[];
    dispatchIntervalMs: number;
    pullIntervalSeconds: number;
  };
  /** Work left unfinished this long is re-dispatched by the sweeper. */
  sweepAfterSeconds: number;
  sweepIntervalSeconds: number;
  /** Redis key prefix of the queues and the realtime channel (several deployments, one Redis). */
  queuePrefix: string;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment once. Throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty (or blank) variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? '(environment)')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  const problems: string[] = [];
  if (!embedded && e.JWT_SECRET === undefined) {
    problems.push(
      'JWT_SECRET: expected at least 32 characters (required with DATABASE_URL, shared by every API process)',
    );
  }
  if (!embedded && e.MASTER_KEY === undefined) {
    problems.push(
      'MASTER_KEY: expected base64 of exactly 32 random bytes (required with DATABASE_URL; `openssl rand -base64 32`)',
    );
  }
  const sandbox = e.SANDBOX ?? embedded;
  if (e.NODE_ENV === 'production' && !sandbox) {
    for (const name of [
      'META_APP_SECRET',
      'META_VERIFY_TOKEN',
      'X_CONSUMER_SECRET',
      'X_CLIENT_SECRET',
    ] as const) {
      if (present[name] === undefined)
        problems.push(
          `${name}: required when NODE_ENV=production (the demo default only works with the sandbox)`,
        );
    }
  }
  if (e.NODE_ENV === 'production' && e.JWT_SECRET === undefined) {
    problems.push('JWT_SECRET: expected at least 32 characters (required when NODE_ENV=production)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  // With the sandbox on, unset platform URLs point at the in-process stand-ins.
  const sandboxBase = `${publicUrl}/sandbox`;
  const platformUrl = (set: string | undefined, real: string, stand: string) =>
    (set ?? (sandbox ? `${sandboxBase}${stand}` : real)).replace(/\/+$/, '');
  // A CRM's base URL replaces all of its hosts; with the sandbox on, unset ones are its stand-in.
  const crmApp = (
    clientId: string,
    clientSecret: string,
    set: string | undefined,
    vendor: CrmVendorName,
  ) => ({
    clientId,
    clientSecret,
    baseUrl: (set ?? (sandbox ? `${sandboxBase}/crm/${vendor}` : undefined))?.replace(/\/+$/, ''),
    configured:
      sandbox ||
      e.NODE_ENV !== 'production' ||
      present[`${vendor.toUpperCase()}_CLIENT_SECRET`] !== undefined,
  });
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: resolve(e.DATA_DIR),
    embedded,
    database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX },
    redisUrl: e.REDIS_URL,
    auth: {
      jwtSecret: e.JWT_SECRET,
      issuer: e.JWT_ISSUER,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlHours: e.INVITATION_TTL_HOURS,
      loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginMaxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      loginFailureWindowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS,
      cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    },
    http: { bodyLimitBytes: e.BODY_LIMIT_BYTES, trustProxy: e.TRUST_PROXY, metricsToken: e.METRICS_TOKEN },
    seedDemo: e.SEED_DEMO ?? embedded,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    masterKey: e.MASTER_KEY === undefined ? undefined : Buffer.from(e.MASTER_KEY, 'base64'),
    sandbox,
    sandboxWebhookBatchMs: e.SANDBOX_WEBHOOK_BATCH_MS,
    allowPrivateUrls: e.ALLOW_PRIVATE_URLS ?? sandbox,
    channels: {
      metaAppId: e.META_APP_ID,
      metaAppSecret: e.META_APP_SECRET,
      metaVerifyToken: e.META_VERIFY_TOKEN,
      graphUrl: platformUrl(e.META_GRAPH_URL, 'https://graph.facebook.com', '/meta/graph'),
      facebookWebUrl: platformUrl(e.META_WEB_URL, 'https://www.facebook.com', '/meta/web'),
      graphVersion: e.GRAPH_API_VERSION,
      xClientId: e.X_CLIENT_ID,
      xClientSecret: e.X_CLIENT_SECRET,
      xConsumerSecret: e.X_CONSUMER_SECRET,
      xWebhookId: e.X_WEBHOOK_ID,
      xApiUrl: platformUrl(e.X_API_URL, 'https://api.x.com', '/x/api'),
      xWebUrl: platformUrl(e.X_WEB_URL, 'https://x.com', '/x/web'),
      timeoutMs: e.CHANNEL_TIMEOUT_MS,
      replayWindowSeconds: e.WEBHOOK_REPLAY_WINDOW_SECONDS,
    },
    crm: {
      apps: {
        hubspot: crmApp(e.HUBSPOT_CLIENT_ID, e.HUBSPOT_CLIENT_SECRET, e.HUBSPOT_BASE_URL, 'hubspot'),
        salesforce: crmApp(
          e.SALESFORCE_CLIENT_ID,
          e.SALESFORCE_CLIENT_SECRET,
          e.SALESFORCE_BASE_URL,
          'salesforce',
        ),
        zoho: crmApp(e.ZOHO_CLIENT_ID, e.ZOHO_CLIENT_SECRET, e.ZOHO_BASE_URL, 'zoho'),
        pipedrive: crmApp(
          e.PIPEDRIVE_CLIENT_ID,
          e.PIPEDRIVE_CLIENT_SECRET,
          e.PIPEDRIVE_BASE_URL,
          'pipedrive',
        ),
      },
      timeoutMs: e.CRM_TIMEOUT_MS,
      retryDelaysMs: e.CRM_RETRY_DELAYS_MS.split(',').map(Number),
      dispatchIntervalMs: e.CRM_DISPATCH_INTERVAL_MS,
      pullIntervalSeconds: e.CRM_PULL_INTERVAL_SECONDS,
    },
    sweepAfterSeconds: e.SWEEP_AFTER_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    queuePrefix: e.QUEUE_PREFIX,
  };
}
