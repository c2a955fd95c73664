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
  // 0: the sandbox POSTs each webhook alone. Above: it merges a receiver's events within this window (benchmarks).
  SANDBOX_WEBHOOK_BATCH_MS: int(0, 10_000).default(0),
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
  // CRM apps (issue 5). The demo defaults are the sandbox's own apps and only work against it.
  HUBSPOT_CLIENT_ID: z.string().min(1).default('hubspot-sandbox-client'),
  HUBSPOT_CLIENT_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('hubspot-sandbox-secret'),
  HUBSPOT_BASE_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  SALESFORCE_CLIENT_ID: z.string().min(1).default('salesforce-sandbox-client'),
  SALESFORCE_CLIENT_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('salesforce-sandbox-secret'),
  SALESFORCE_BASE_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  ZOHO_CLIENT_ID: z.string().min(1).default('zoho-sandbox-client'),
  ZOHO_CLIENT_SECRET: z.string().min(8, 'expected at least 8 characters').default('zoho-sandbox-secret'),
  ZOHO_BASE_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  PIPEDRIVE_CLIENT_ID: z.string().min(1).default('pipedrive-sandbox-client'),
  PIPEDRIVE_CLIENT_SECRET: z
    .string()
    .min(8, 'expected at least 8 characters')
    .default('pipedrive-sandbox-secret'),
  PIPEDRIVE_BASE_URL: url(/^https?:$/, 'an http(s) URL').optional(),
  CRM_TIMEOUT_MS: int(100, 120_000).default(20_000),
  // Delays before retries 1..5 of a failed CRM sync (seed 001 §4.4); shorter ones suit drills and tests.
  CRM_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,9}$/, 'expected comma-separated milliseconds, e.g. 5000,15000,45000')
    .default('5000,15000,45000,135000,405000'),
  CRM_DISPATCH_INTERVAL_MS: int(100, 60_000).default(2_000),
  CRM_PULL_INTERVAL_SECONDS: int(1, 86_400).default(300),
  WEBHOOK_REPLAY_WINDOW_SECONDS: int(60, 30 * 86_400).default(7 * 86_400),
  SWEEP_AFTER_SECONDS: int(1, 86_400).default(60),
  SWEEP_INTERVAL_SECONDS: int(1, 3_600).default(30),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, 'expected letters, digits, - or _ (at most 40)')
    .default('rf'),
});

export type Env = z.infer<typeof envSchema>;
