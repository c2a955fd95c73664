/** What `replyforce simulate` and the benchmarks ask of a simulation, and how the CLI spells it. */

export const SIM_PLATFORMS = ['facebook', 'instagram', 'whatsapp', 'x'] as const;
export type SimPlatform = (typeof SIM_PLATFORMS)[number];

/** `--channel` names: the product says Messenger, the platform (and the sandbox) says facebook. */
const CHANNEL_NAMES: Record<string, SimPlatform> = {
  messenger: 'facebook',
  facebook: 'facebook',
  instagram: 'instagram',
  whatsapp: 'whatsapp',
  x: 'x',
  twitter: 'x',
};

/** Bounds that keep one run small whatever is typed. */
export const LIMITS = {
  /** The sandbox keeps at most 10,000 threads. */
  conversations: 10_000,
  messages: 1_000_000,
  rate: 10_000,
  timeoutSeconds: 3_600,
} as const;

export const DEFAULTS = {
  url: 'http://localhost:3000',
  conversations: 200,
  messages: 5_000,
  rate: 500,
  timeoutSeconds: 60,
  /** After every message is answered, listen this long more for duplicate replies. */
  settleMs: 1_000,
  /** Control calls waiting for an answer at once; past it the generator waits (and says so). */
  maxInFlight: 1_000,
} as const;

export type SimulationProgress = {
  phase: 'sending' | 'waiting';
  elapsedSeconds: number;
  sent: number;
  accepted: number;
  /** Not accepted on the first delivery (the sandbox may still deliver them on a retry). */
  notAccepted: number;
  replied: number;
};

export type SimulationOptions = {
  platform: SimPlatform;
  /** Distinct synthetic customers the messages are spread over (round-robin). */
  conversations: number;
  /** Customer messages to send, in total. */
  messages: number;
  /** Offered messages per second (open loop: sends do not wait for earlier answers). */
  rate: number;
  /** The ReplyForce server (loopback only). Default http://localhost:3000. */
  url?: string;
  /** The sandbox root (its /control API). Default `${url}/sandbox`, where `replyforce start` mounts it. */
  sandboxUrl?: string;
  /** The sandbox account to write to; default the first one of the platform the server has connected. */
  accountId?: string;
  /** How long to wait for replies once everything is sent. */
  timeoutSeconds: number;
  settleMs?: number;
  maxInFlight?: number;
  /** Called about once a second. */
  onProgress?: (p: SimulationProgress) => void;
  /** Stops sending early (Ctrl-C); the report covers what was sent. */
  signal?: AbortSignal;
};

export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Only loopback: a simulation floods its target, so it never leaves this machine. */
export function requireLoopback(what: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SimulationError(`${what}: '${raw}' is not a URL (expected e.g. http://localhost:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SimulationError(`${what}: expected an http(s) URL, got '${raw}'`);
  if (!LOOPBACK.has(url.hostname))
    throw new SimulationError(
      `${what}: refusing ${url.hostname}; simulate only talks to this machine (localhost, 127.0.0.1 or [::1])`,
    );
  return url;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new SimulationError(`--${name}: expected a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}

function positive(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max)
    throw new SimulationError(`--${name}: expected a number above 0 and at most ${max}, got '${raw}'`);
  return n;
}

export type SimulateCli = { options: SimulationOptions; json: boolean; help: boolean };

export const SIMULATE_USAGE = `usage: replyforce simulate --channel messenger|instagram|whatsapp|x [options]
  Drives customer messages at a running ReplyForce through its sandbox and reports what came back.
  --channel <name>      messenger (Facebook Page), instagram, whatsapp or x        (required)
  --conversations <n>   distinct synthetic customers, messages spread round-robin  (default ${DEFAULTS.conversations})
  --messages <n>        customer messages to send in total                         (default ${DEFAULTS.messages})
  --rate <n>            messages per second, open loop                             (default ${DEFAULTS.rate})
  --url <url>           the server, loopback only                                  (default ${DEFAULTS.url})
  --sandbox-url <url>   the sandbox, loopback only                                 (default <url>/sandbox)
  --account <id>        sandbox account (default: the first of the channel the server has connected)
  --timeout <s>         how long to wait for replies after the last message       (default ${DEFAULTS.timeoutSeconds})
  --json                print the report as JSON`;

/** `--name value` or `--name=value`. Unknown options and missing values are errors, named. */
export function parseSimulateArgs(argv: readonly string[]): SimulateCli {
  const raw = new Map<string, string>();
  const flags = new Set<string>();
  const valued = ['channel', 'conversations', 'messages', 'rate', 'url', 'sandbox-url', 'account', 'timeout'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') flags.add('help');
    else if (arg === '--json') flags.add('json');
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!valued.includes(name)) throw new SimulationError(`unknown option '${arg}'\n${SIMULATE_USAGE}`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--')))
        throw new SimulationError(`--${name} needs a value`);
      raw.set(name, value);
    } else throw new SimulationError(`unexpected argument '${arg}'\n${SIMULATE_USAGE}`);
  }
  const help = flags.has('help');
  const channel = raw.get('channel');
  if (!help && channel === undefined) throw new SimulationError(`--channel is required\n${SIMULATE_USAGE}`);
  const platform = CHANNEL_NAMES[(channel ?? 'messenger').toLowerCase()];
  if (!platform)
    throw new SimulationError(`--channel: expected messenger, instagram, whatsapp or x, got '${channel}'`);
  const url = raw.get('url') ?? DEFAULTS.url;
  requireLoopback('--url', url);
  const sandboxUrl = raw.get('sandbox-url');
  if (sandboxUrl !== undefined) requireLoopback('--sandbox-url', sandboxUrl);
  const accountId = raw.get('account');
  const get = (name: string, fallback: number) => raw.get(name) ?? String(fallback);
  const options: SimulationOptions = {
    platform,
    conversations: wholeNumber(
      'conversations',
      get('conversations', DEFAULTS.conversations),
      1,
      LIMITS.conversations,
    ),
    messages: wholeNumber('messages', get('messages', DEFAULTS.messages), 1, LIMITS.messages),
    rate: positive('rate', get('rate', DEFAULTS.rate), LIMITS.rate),
    timeoutSeconds: positive('timeout', get('timeout', DEFAULTS.timeoutSeconds), LIMITS.timeoutSeconds),
    url,
    ...(sandboxUrl !== undefined ? { sandboxUrl } : {}),
    ...(accountId !== undefined ? { accountId } : {}),
  };
  return { options, json: flags.has('json'), help };
}
