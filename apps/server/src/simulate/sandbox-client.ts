import { type SimPlatform, SimulationError } from './options.ts';

/** The slice of the sandbox /control API (docs/channel-contracts.md) a simulation uses. */

const TIMEOUT_MS = 30_000;

export type ControlAccount = { platform: SimPlatform; accountId: string; name: string; connectedTo?: string };
export type ControlAnswer = { eventId: string; delivered: boolean; status: number | null; error?: string };
export type SentEntry = {
  id: string;
  platform: SimPlatform;
  accountId: string;
  customerId: string;
  acceptedAt: string;
  /** What the business attached to the send (ReplyForce puts its own message id there). */
  metadata?: string;
  biz_opaque_callback_data?: string;
};
export type ThreadMessage = { id: string; direction: 'in' | 'out'; text: string; status: string };

export type SandboxClient = {
  base: string;
  accounts(): Promise<ControlAccount[]>;
  /** The sandbox's answer, or a reason when it did not give one. */
  message(input: {
    platform: SimPlatform;
    accountId: string;
    customer: { id: string; name: string };
    text: string;
  }): Promise<ControlAnswer | { failed: string }>;
  sent(sinceMs: number, limit: number): Promise<SentEntry[]>;
  thread(platform: SimPlatform, accountId: string, customerId: string): Promise<ThreadMessage[]>;
};

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== 200)
    throw new SimulationError(`${what} answered ${res.status}: ${text.slice(0, 300) || '(empty)'}`);
  return JSON.parse(text) as T;
}

export function sandboxClient(base: string): SandboxClient {
  const root = base.replace(/\/+$/, '');
  const get = async <T>(path: string, what: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new SimulationError(`${what}: no answer from ${root} (${reason(err)})`);
    }
    return json<T>(res, what);
  };
  return {
    base: root,
    async accounts() {
      return (await get<{ accounts: ControlAccount[] }>('/control/accounts', 'GET /control/accounts'))
        .accounts;
    },
    async message(input) {
      try {
        const res = await fetch(`${root}/control/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = await res.text();
        if (res.status !== 200) return { failed: `control-${res.status}` };
        return JSON.parse(text) as ControlAnswer;
      } catch (err) {
        return { failed: `control-${reason(err)}` };
      }
    },
    async sent(sinceMs, limit) {
      const q = new URLSearchParams({ since: new Date(sinceMs).toISOString(), limit: String(limit) });
      return (await get<{ messages: SentEntry[] }>(`/control/sent?${q}`, 'GET /control/sent')).messages;
    },
    async thread(platform, accountId, customerId) {
      const q = new URLSearchParams({ platform, accountId, customerId });
      return (await get<{ messages: ThreadMessage[] }>(`/control/threads?${q}`, 'GET /control/threads'))
        .messages;
    },
  };
}

/** ECONNREFUSED, TimeoutError…: the most specific name an error from fetch carries. */
export function reason(err: unknown): string {
  type Cause = { code?: string; message?: string; errors?: { code?: string }[] };
  const cause = (err as { cause?: Cause }).cause;
  return (
    cause?.code ??
    cause?.errors?.find((e) => e.code)?.code ??
    cause?.message ??
    (err instanceof Error ? err.name : String(err))
  );
}
