import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int(`expected a whole number from ${min} to ${max}`)
    .min(min, `expected a whole number from ${min} to ${max}`)
    .max(max, `expected a whole number from ${min} to ${max}`);

const url = (protocols: RegExp, what: string) =>
  z.string().refine((v) => {
    try {
      return protocols.test(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `expected ${what}`);

/**
 * Every environment variable ReplyForce reads, with its default. The README's table is written
 * from this list; `process.env` is read nowhere else.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: url(/^https?:$/, 'an http(s) URL such as https://inbox.example.com').optional(),
  DATA_DIR: z.string().min(1).default('./.replyforce'),
  DATABASE_URL: url(/^postgres(ql)?:$/, 'a postgres:// connection URL').optional(),
  DATABASE_POOL_MAX: int(1, 200).default(10),
  REDIS_URL: url(/^rediss?:$/, 'a redis:// URL').optional(),
  JWT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  JWT_ISSUER: z.string().min(1).default('replyforce.ai'),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: int(1, 90).default(7),
  INVITATION_TTL_HOURS: int(1, 720).default(168),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1_048_576),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: int(1, 100_000).default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: int(10, 86_400).default(900),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  SEED_DEMO: bool.optional(),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),
  // Secrets at rest: AES-256-GCM master key wrapping each tenant's data key (base64 of 32 bytes).
  MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'expected base64 of exactly 32 random bytes')
    .optional(),
  // Channels. The demo defaults only make sense against the sandbox.
  SANDBOX: bool.optional(),
  // URLs a tenant configures (its language model's base URL) may point at private or loopback
  // addresses only when the operator allows it; the sandbox (a local model server) implies it.
  ALLOW_PRIVATE_URLS: bool.optional(),
  META_APP_ID: z.string().min(1).default('100000000000001'),
  META_APP_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('replyforce-demo-meta-app-secret'),
  META_VERIFY_TOKEN: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('replyforce-demo-verify-token'),
  META_GRAPH_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  META_WEB_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  GRAPH_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected a Graph API version such as v21.0')
    .default('v21.0'),
  X_CLIENT_ID: z.string().min(1).default('replyforce-demo-x-client'),
  X_CLIENT_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('replyforce-demo-x-client-secret'),
  X_CONSUMER_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('replyforce-demo-x-consumer-secret'),
  X_WEBHOOK_ID: z.string().min(1).default('1000000000000000001'),
  X_API_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  X_WEB_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  CHANNEL_TIMEOUT_MS: int(100, 60_000).default(10_000),
  WEBHOOK_REPLAY_WINDOW_SECONDS: int(60, 30 * 86_400).default(7 * 86_400),
  SWEEP_AFTER_SECONDS: int(1, 86_400).default(60),
  SWEEP_INTERVAL_SECONDS: int(1, 3_600).default(30),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, 'expected letters, digits, - or _ (at most 40)')
    .default('rf'),
});

export type Env = z.infer<typeof envSchema>;
