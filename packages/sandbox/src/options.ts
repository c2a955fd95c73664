import { type CrmOptionsInput, resolveCrmOptions, type SandboxCrmOptions } from './crm/options.ts';

/** Per-account rate limits. Defaults follow docs/channel-contracts.md; benchmarks raise them. */
export type SandboxLimits = {
  /** Send API calls per second per Page or Instagram account (error 613). */
  sendPerSecond: number;
  /** WhatsApp messages per second per phone number (error 130429). */
  whatsappPerSecond: number;
  /** Private replies per hour per Page or Instagram account (error 613). */
  privateRepliesPerHour: number;
  /** X DMs per 15 minutes per user. The platform allows 15; the sandbox default keeps a demo unthrottled. */
  xDmPer15Min: number;
  /** X DMs per 24 hours per user. */
  xDmPer24h: number;
  /** X posts per 15 minutes per user. */
  xPostsPer15Min: number;
  /** Every other X endpoint (users/me, subscriptions, …) per 15 minutes per caller. */
  xOtherPer15Min: number;
};

export const DEFAULT_LIMITS: SandboxLimits = {
  sendPerSecond: 300,
  whatsappPerSecond: 80,
  privateRepliesPerHour: 750,
  xDmPer15Min: 1000,
  xDmPer24h: 1440,
  xPostsPer15Min: 100,
  xOtherPer15Min: 900,
};

/** Delays the platforms impose; tests shorten them. */
export type SandboxTiming = {
  /** Between a send and its delivery receipt (Messenger `delivery`, WhatsApp `delivered`). */
  receiptDelayMs: number;
  /** How long one webhook POST may take before it counts as failed. */
  webhookTimeoutMs: number;
  /** How long the CRC GET of POST /2/webhooks may take (X allows 3 s). */
  crcTimeoutMs: number;
  /** How long a `timeout` fault holds a request before answering 504. */
  faultHoldMs: number;
  /** State-file writes are batched: at most one per this interval. */
  persistIntervalMs: number;
  /**
   * 0 (the default): one webhook POST per event. Above 0: events for the same receiver (and, on X,
   * the same subscribed user) handed over within this window share one POST, merged the way Meta
   * and X batch deliveries under load.
   */
  batchWindowMs: number;
};

export const DEFAULT_TIMING: SandboxTiming = {
  receiptDelayMs: 100,
  webhookTimeoutMs: 10_000,
  crcTimeoutMs: 3_000,
  faultHoldMs: 60_000,
  persistIntervalMs: 1_000,
  batchWindowMs: 0,
};

/** Caps that keep a long benchmark from growing the sandbox without bound. */
export type SandboxCaps = {
  threadMessages: number;
  threads: number;
  sent: number;
  /** Comments and X posts kept for private replies and reply targets. */
  posts: number;
  contacts: number;
  usedRefreshTokens: number;
};

export const DEFAULT_CAPS: SandboxCaps = {
  threadMessages: 10_000,
  threads: 10_000,
  sent: 10_000,
  posts: 100_000,
  contacts: 100_000,
  usedRefreshTokens: 10_000,
};

export type SandboxOptions = {
  /** Base URL of the ReplyForce server; webhooks go to `${target}/webhooks/{facebook,instagram,whatsapp,twitter}`. */
  webhookTarget: string | (() => string);
  metaAppId: string;
  metaAppSecret: string;
  xClientId: string;
  xClientSecret: string;
  /** Signs X CRC answers and X webhooks. */
  xConsumerSecret: string;
  /** Signs sandbox tokens, so tokens stay valid across restarts. */
  secret: string;
  /** JSON file holding subscriptions, revocations, threads and the X webhook across restarts. */
  stateFile?: string;
  limits?: Partial<SandboxLimits>;
  graphVersion?: string;
  /** Delays between webhook retries after a failed delivery. */
  deliveryRetryDelaysMs?: number[];
  /** Events one batched delivery may hold (with `timing.batchWindowMs`); default 100, Meta's maximum is 1000. */
  webhookBatchMaxEvents?: number;
  now?: () => number;
  timing?: Partial<SandboxTiming>;
  caps?: Partial<SandboxCaps>;
  /** The bearer key the OpenAI-compatible endpoint (/openai/v1) accepts; default `sk-sandbox`. */
  openaiApiKey?: string;
  /** The CRM stand-ins (/crm/<vendor>): app credentials, rate limits, HubSpot webhooks, caps. */
  crm?: CrmOptionsInput;
};

export type ResolvedOptions = Required<
  Omit<SandboxOptions, 'stateFile' | 'limits' | 'timing' | 'caps' | 'webhookTarget' | 'crm'>
> & {
  stateFile: string | undefined;
  target: () => string;
  limits: SandboxLimits;
  timing: SandboxTiming;
  caps: SandboxCaps;
  crm: SandboxCrmOptions;
};

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  for (const key of [
    'metaAppId',
    'metaAppSecret',
    'xClientId',
    'xClientSecret',
    'xConsumerSecret',
    'secret',
  ] as const)
    if (!options[key]) throw new Error(`createSandbox: ${key} is required`);
  const target = options.webhookTarget;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  if (!(Number.isFinite(timing.batchWindowMs) && timing.batchWindowMs >= 0))
    throw new Error('createSandbox: timing.batchWindowMs must be a number of ms, 0 or more');
  const batchMax = options.webhookBatchMaxEvents ?? 100;
  if (!(Number.isInteger(batchMax) && batchMax >= 1 && batchMax <= 1000))
    throw new Error('createSandbox: webhookBatchMaxEvents must be a whole number from 1 to 1000');
  return {
    metaAppId: options.metaAppId,
    metaAppSecret: options.metaAppSecret,
    xClientId: options.xClientId,
    xClientSecret: options.xClientSecret,
    xConsumerSecret: options.xConsumerSecret,
    secret: options.secret,
    stateFile: options.stateFile,
    graphVersion: options.graphVersion ?? 'v21.0',
    deliveryRetryDelaysMs: options.deliveryRetryDelaysMs ?? [1000, 5000, 30_000],
    webhookBatchMaxEvents: batchMax,
    now: options.now ?? Date.now,
    target: () => (typeof target === 'function' ? target() : target).replace(/\/+$/, ''),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    timing,
    caps: { ...DEFAULT_CAPS, ...options.caps },
    openaiApiKey: options.openaiApiKey ?? 'sk-sandbox',
    crm: resolveCrmOptions(options.crm),
  };
}
