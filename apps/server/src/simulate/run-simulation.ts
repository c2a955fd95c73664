import { setTimeout as sleep } from 'node:timers/promises';
import { messageText, syntheticCustomers } from './customers.ts';
import {
  DEFAULTS,
  LIMITS,
  requireLoopback,
  type SimPlatform,
  SimulationError,
  type SimulationOptions,
} from './options.ts';
import { type Percentiles, percentiles } from './percentiles.ts';
import { type ControlAccount, reason, type SandboxClient, sandboxClient } from './sandbox-client.ts';

export const MATCHING_RULE =
  'replies are matched to messages per customer, in order (the k-th reply answers the k-th accepted ' +
  'message): the platforms give a reply no pointer to the message it answers';

export type SimulationReport = {
  platform: SimPlatform;
  accountId: string;
  server: string;
  sandbox: string;
  startedAt: string;
  conversations: number;
  /** Messages the run was asked to send. */
  planned: number;
  /** Messages per second asked for, and what the generator managed. */
  offeredRate: number;
  achievedRate: number;
  sendSeconds: number;
  /** From the last answer of the sandbox to the end of the run (replies still arriving). */
  waitSeconds: number;
  /** Control calls made: sent = accepted + rejected. */
  sent: number;
  /** The receiver answered 2xx, on the first delivery or on one of the sandbox's retries. */
  accepted: number;
  /**
   * Of the accepted, those whose acceptance was learnt later from the sandbox's thread: the receiver
   * took them only on a sandbox retry, or the control call itself got no answer. No latency sample.
   */
  acceptedLate: number;
  /** Never accepted: the receiver answered non-2xx or could not be reached, or the sandbox refused the call. */
  rejected: number;
  /** Why, by first-attempt HTTP status or error (`control-…`: the sandbox's own API failed). */
  rejectedReasons: Record<string, number>;
  /** Accepted messages that have their reply. */
  replied: number;
  /** Accepted messages still unanswered at the end. */
  lost: number;
  /** Replies beyond one per accepted message. */
  duplicates: number;
  /**
   * Sends that repeat the metadata of an earlier send (ReplyForce tags each send with its own
   * message id): one business message sent twice, e.g. a retry after a send that had in fact
   * succeeded. Explains duplicates when it is not 0.
   */
  resends: number;
  /** Every accepted message answered (and no delivery still unsettled) before the timeout. */
  complete: boolean;
  /** Webhook accepted (the sandbox's answer arrives) → reply accepted by the sandbox's send API. */
  latencyMs: Percentiles;
  /** The control call's round trip: the sandbox builds, signs and delivers; the receiver stores and answers. */
  ackMs: Percentiles;
  /** Ticks at which the in-flight cap held the generator back (the server was slower than the rate). */
  generatorHeldBack: number;
  matching: string;
};

type SentMessage = {
  seq: number;
  eventId: string | undefined;
  /** Epoch ms at which the sandbox's answer arrived, when the first delivery was accepted. */
  ackAt: number | undefined;
  /** `unsettled`: the sandbox is retrying the delivery, or its answer never came; its thread will tell. */
  state: 'in_flight' | 'accepted' | 'unsettled' | 'rejected';
  late: boolean;
  reason?: string;
  /** performance.now() when it became unsettled. */
  since?: number;
};

type CustomerState = { id: string; name: string; messages: SentMessage[]; replies: number[] };

const POLL_MS = 200;
const RETRY_CHECK_MS = 2_000;
/** A control call with no answer whose message the sandbox's thread still lacks after this is rejected. */
const UNANSWERED_GRACE_MS = 15_000;
/** The sent log unreadable this long ends the run with an error. */
const POLL_GIVE_UP_MS = 120_000;
const SENT_PAGE = 10_000;

function checkBounds(o: SimulationOptions): void {
  const bad = (what: string) => {
    throw new SimulationError(what);
  };
  if (!Number.isInteger(o.conversations) || o.conversations < 1 || o.conversations > LIMITS.conversations)
    bad(`conversations: expected 1 to ${LIMITS.conversations}`);
  if (!Number.isInteger(o.messages) || o.messages < 1 || o.messages > LIMITS.messages)
    bad(`messages: expected 1 to ${LIMITS.messages}`);
  if (!(o.rate > 0 && o.rate <= LIMITS.rate)) bad(`rate: expected above 0, at most ${LIMITS.rate}`);
  if (!(o.timeoutSeconds >= 0 && o.timeoutSeconds <= LIMITS.timeoutSeconds))
    bad(`timeout: expected 0 to ${LIMITS.timeoutSeconds} seconds`);
}

/** The account to write to: the one asked for, else the platform's first the server has connected. */
async function pickAccount(
  client: SandboxClient,
  platform: SimPlatform,
  wanted: string | undefined,
): Promise<ControlAccount> {
  const all = (await client.accounts()).filter((a) => a.platform === platform);
  const account = wanted ? all.find((a) => a.accountId === wanted) : all.find((a) => a.connectedTo);
  const list = all.map((a) => `${a.accountId} (${a.name}${a.connectedTo ? ', connected' : ''})`).join(', ');
  if (!account) {
    throw new SimulationError(
      wanted
        ? `the sandbox has no ${platform} account ${wanted}; it has: ${list}`
        : `no ${platform} account of the sandbox is connected to a server; connect one in the dashboard (Channels) first. Accounts: ${list}`,
    );
  }
  if (!account.connectedTo)
    throw new SimulationError(
      `${platform} account ${account.accountId} is not connected to any server, so no webhook would be delivered; connect it first`,
    );
  // The sandbox delivers the webhooks: they must stay on this machine too.
  requireLoopback(`the webhook target of account ${account.accountId}`, account.connectedTo);
  return account;
}

/**
 * Drives `messages` customer DMs at a running server through its sandbox at `rate` per second (open
 * loop, spread round-robin over `conversations` synthetic customers), then waits up to `timeoutSeconds`
 * for the replies and reports what was accepted, answered, lost or answered twice, with latencies.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  checkBounds(options);
  const server = requireLoopback('url', options.url ?? DEFAULTS.url);
  const serverBase = server.href.replace(/\/+$/, '');
  const sandboxBase = requireLoopback('sandboxUrl', options.sandboxUrl ?? `${serverBase}/sandbox`).href;
  const client = sandboxClient(sandboxBase);
  const { platform } = options;
  const settleMs = options.settleMs ?? DEFAULTS.settleMs;
  const maxInFlight = options.maxInFlight ?? DEFAULTS.maxInFlight;

  try {
    const health = await fetch(`${serverBase}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await health.arrayBuffer();
  } catch (err) {
    throw new SimulationError(`no server answers at ${serverBase} (${reason(err)}); start it first`);
  }
  const account = await pickAccount(client, platform, options.accountId);

  const customers: CustomerState[] = syntheticCustomers(platform, options.conversations).map((c) => ({
    ...c,
    messages: [],
    replies: [],
  }));
  const byId = new Map(customers.map((c) => [c.id, c]));

  const startMs = Date.now();
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const ackDurations: number[] = [];
  let sent = 0;
  let inFlight = 0;
  let notAcceptedNow = 0;
  let heldBack = 0;

  // The sent log, read incrementally: `since` is inclusive, so the ids already seen at the cursor's
  // millisecond are skipped.
  const sendTags = new Set<string>();
  let resends = 0;
  let cursor = startMs;
  let atCursor = new Set<string>();
  let polling = true;
  let pollError: unknown;
  const pollSent = async () => {
    for (;;) {
      const page = await client.sent(cursor, SENT_PAGE);
      for (const e of page) {
        const at = Date.parse(e.acceptedAt);
        if (at < cursor || (at === cursor && atCursor.has(e.id))) continue;
        if (at > cursor) {
          cursor = at;
          atCursor = new Set();
        }
        atCursor.add(e.id);
        if (e.platform !== platform || e.accountId !== account.accountId) continue;
        const customer = byId.get(e.customerId);
        if (!customer) continue;
        customer.replies.push(at);
        const tag = e.metadata ?? e.biz_opaque_callback_data;
        if (tag !== undefined) {
          if (sendTags.has(tag)) resends++;
          else sendTags.add(tag);
        }
      }
      if (page.length < SENT_PAGE) return;
    }
  };
  // A busy server answers its control API late too: a failed read is retried, for a while.
  const poller = (async () => {
    let lastOk = performance.now();
    while (polling) {
      try {
        await pollSent();
        lastOk = performance.now();
      } catch (err) {
        if (performance.now() - lastOk > POLL_GIVE_UP_MS) {
          pollError = err;
          return;
        }
      }
      await sleep(POLL_MS);
    }
  })();

  const tally = () => {
    let accepted = 0;
    let replied = 0;
    let duplicates = 0;
    let unsettled = 0;
    for (const c of customers) {
      let a = 0;
      for (const m of c.messages) {
        if (m.state === 'accepted') a++;
        else if (m.state === 'unsettled') unsettled++;
      }
      accepted += a;
      replied += Math.min(a, c.replies.length);
      duplicates += Math.max(0, c.replies.length - a);
    }
    return { accepted, replied, duplicates, unsettled, lost: accepted - replied };
  };
  let lastProgress = 0;
  const progress = (phase: 'sending' | 'waiting') => {
    if (!options.onProgress || performance.now() - lastProgress < 1_000) return;
    lastProgress = performance.now();
    const t = tally();
    options.onProgress({
      phase,
      elapsedSeconds: elapsed(),
      sent,
      accepted: t.accepted,
      notAccepted: notAcceptedNow,
      replied: t.replied,
    });
  };

  const fire = async (seq: number) => {
    const customer = customers[seq % customers.length] as CustomerState;
    const m: SentMessage = { seq, eventId: undefined, ackAt: undefined, state: 'in_flight', late: false };
    customer.messages.push(m);
    const began = performance.now();
    const answer = await client.message({
      platform,
      accountId: account.accountId,
      customer: { id: customer.id, name: customer.name },
      text: messageText(seq),
    });
    if ('failed' in answer) {
      // No answer is not a refusal: the sandbox may have delivered it all the same.
      m.state = 'unsettled';
      m.reason = answer.failed;
      m.since = performance.now();
    } else {
      m.eventId = answer.eventId;
      if (answer.delivered) {
        m.state = 'accepted';
        m.ackAt = Date.now();
        ackDurations.push(performance.now() - began);
        return;
      }
      // The sandbox retries a failed delivery like the platforms do; the thread tells how it ends.
      m.state = answer.status === null && answer.error === 'not_subscribed' ? 'rejected' : 'unsettled';
      m.reason = answer.status === null ? (answer.error ?? 'unreachable') : String(answer.status);
      m.since = performance.now();
    }
    notAcceptedNow++;
  };

  // Open loop: message i is due at i / rate seconds, whatever the answers' speed; only the
  // in-flight cap (a server far slower than the rate) holds the generator back, and is counted.
  const pending = new Set<Promise<void>>();
  let lastFireAt = 0;
  while (sent < options.messages && !options.signal?.aborted) {
    const due = Math.min(options.messages, Math.floor(elapsed() * options.rate) + 1);
    if (sent < due && inFlight >= maxInFlight) heldBack++;
    while (sent < due && inFlight < maxInFlight) {
      inFlight++;
      const p = fire(sent++).finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
      lastFireAt = elapsed();
    }
    progress('sending');
    if (sent < options.messages) await sleep(1);
  }
  // The last answers (a slow receiver holds them); progress keeps coming meanwhile.
  while (pending.size > 0) {
    progress('sending');
    await Promise.race([Promise.all(pending), sleep(250)]);
  }
  const sendSeconds = elapsed();
  const achievedRate = sent > 1 && lastFireAt > 0 ? (sent - 1) / lastFireAt : sent;

  // Unsettled messages (a delivery the receiver refused the first time, a control call with no
  // answer): the customer's thread in the sandbox says how they ended, found by event id or by the
  // message's unique text.
  let lastRetryCheck = 0;
  const checkUnsettled = async (final: boolean) => {
    if (!final && performance.now() - lastRetryCheck < RETRY_CHECK_MS) return;
    lastRetryCheck = performance.now();
    for (const c of customers) {
      const open = c.messages.filter((m) => m.state === 'unsettled');
      if (open.length === 0) continue;
      let thread: Awaited<ReturnType<SandboxClient['thread']>>;
      try {
        thread = await client.thread(platform, account.accountId, c.id);
      } catch {
        continue; // asked again on the next check; still unsettled at the end counts as rejected
      }
      const inbound = thread.filter((e) => e.direction === 'in');
      for (const m of open) {
        const text = messageText(m.seq);
        const entry = inbound.find((e) => (m.eventId ? e.id === m.eventId : e.text === text));
        const status = entry?.status;
        if (status === 'delivered' || status === 'read') {
          m.state = 'accepted';
          m.late = true;
        } else if (status === 'retrying' || status === 'pending') {
          // the sandbox is still at it
        } else if (entry || performance.now() - (m.since ?? 0) > UNANSWERED_GRACE_MS) {
          m.state = 'rejected';
        }
      }
    }
    if (final)
      for (const c of customers)
        for (const m of c.messages) if (m.state === 'unsettled') m.state = 'rejected';
  };

  const waitStarted = performance.now();
  const deadline = waitStarted + options.timeoutSeconds * 1000;
  let settledSince: number | undefined;
  let complete = false;
  while (!options.signal?.aborted && pollError === undefined) {
    await checkUnsettled(false);
    const t = tally();
    const now = performance.now();
    if (t.lost === 0 && t.unsettled === 0) {
      settledSince ??= now;
      complete = true;
      if (now - settledSince >= settleMs) break;
    } else {
      settledSince = undefined;
      complete = false;
    }
    if (now >= deadline) break;
    progress('waiting');
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - now)));
  }
  polling = false;
  await poller;
  if (pollError !== undefined) throw pollError;
  for (let attempt = 1; ; attempt++) {
    try {
      await pollSent();
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(1_000);
    }
  }
  await checkUnsettled(true);
  const waitSeconds = (performance.now() - waitStarted) / 1000;

  const final = tally();
  const latencies: number[] = [];
  const rejectedReasons: Record<string, number> = {};
  let acceptedLate = 0;
  for (const c of customers) {
    const accepted = c.messages.filter((m) => m.state === 'accepted').sort((a, b) => a.seq - b.seq);
    const replies = [...c.replies].sort((a, b) => a - b);
    for (let k = 0; k < Math.min(accepted.length, replies.length); k++) {
      const ackAt = accepted[k]?.ackAt;
      // A reply cannot precede its webhook; the clamp absorbs the few ms the answer takes to come back.
      if (ackAt !== undefined) latencies.push(Math.max(0, (replies[k] as number) - ackAt));
    }
    for (const m of c.messages) {
      if (m.late) acceptedLate++;
      if (m.state !== 'accepted') {
        const why = m.reason ?? m.state;
        rejectedReasons[why] = (rejectedReasons[why] ?? 0) + 1;
      }
    }
  }
  return {
    platform,
    accountId: account.accountId,
    server: serverBase,
    sandbox: client.base,
    startedAt: new Date(startMs).toISOString(),
    conversations: customers.length,
    planned: options.messages,
    offeredRate: options.rate,
    achievedRate,
    sendSeconds,
    waitSeconds,
    sent,
    accepted: final.accepted,
    acceptedLate,
    rejected: sent - final.accepted,
    rejectedReasons,
    replied: final.replied,
    lost: final.lost,
    duplicates: final.duplicates,
    resends,
    complete: complete && final.lost === 0 && final.unsettled === 0,
    latencyMs: percentiles(latencies),
    ackMs: percentiles(ackDurations),
    generatorHeldBack: heldBack,
    matching: MATCHING_RULE,
  };
}
