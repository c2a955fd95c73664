import { resolve } from 'node:path';
import { envSchema } from './schema.ts';

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
  if (e.NODE_ENV === 'production' && e.JWT_SECRET === undefined) {
    problems.push('JWT_SECRET: expected at least 32 characters (required when NODE_ENV=production)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
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
  };
}
