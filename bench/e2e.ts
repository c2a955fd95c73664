// End to end as deployed: `replyforce api` and `replyforce worker` as two processes on PostgreSQL +
// Redis, the platforms played by the sandbox in this process. Customer messages arrive as signed
// webhooks at a fixed rate; measured from the webhook's acceptance to the reply's acceptance by the
// sandbox's Send API. Targets: p99 < 500 ms and nothing lost at 200 messages/s; peak RSS within 250 MB
// (api) and 400 MB (worker). Loopback only; bounded by --rate × --seconds messages.
// Usage: node bench/e2e.ts [--rate=200 --seconds=60 --conversations=200]
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DEMO_FAQ } from '@replyforce/core';
import {
  formatPercentiles,
  formatReport,
  runSimulation,
  type SimulationReport,
} from '../apps/server/src/simulate/index.ts';
import { type Proc, startCluster } from '../apps/server/test/helpers/cluster.ts';
import { connectThroughOAuth, type SpineServer } from '../apps/server/test/helpers/spine-server.ts';
import { fmt, postJson } from './lib.ts';
import { writeResult } from './results.ts';

export const E2E_TARGET_P99_MS = 500;
export const API_RSS_BUDGET_MB = 250;
export const WORKER_RSS_BUDGET_MB = 400;
const WARMUP_SECONDS = 2;
/** The sandbox merges webhook events within this window, as Meta and X batch deliveries under load. */
export const SANDBOX_BATCH_WINDOW_MS = 10;
export const SANDBOX_BATCH_NOTE = `  sandbox batches webhook deliveries within ${SANDBOX_BATCH_WINDOW_MS} ms, as Meta does under load`;
/**
 * How long to wait for replies once the last message is sent. Long enough for a backlog to drain
 * (the run ends as soon as every message is answered), so "lost" counts messages never answered,
 * not ones still queued; the latency percentiles then include the backlog's waiting.
 */
const REPLY_TIMEOUT_SECONDS = 180;

export type E2eOptions = { rate: number; seconds: number; conversations: number };

export type E2eFigures = {
  rate: number;
  seconds: number;
  conversations: number;
  run: SimulationReport;
  warmup: SimulationReport;
  targetP99Ms: number;
  p99Ratio: number;
  peakRssMb: { api: number; worker: number };
  /** Peak resident set while each process started, before any traffic. */
  startupRssMb: { api: number; worker: number };
  rssBudgetMb: { api: number; worker: number };
  /** CPU time each process used during the measured run, as a share of one core. */
  cpuCores: { api: number; worker: number; benchProcess: number };
};

function procStatusMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  if (pid === undefined) return Number.NaN;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Peak resident set (VmHWM) of a live process, from /proc; NaN when it cannot be read. */
export const peakRssMb = (pid: number | undefined) => procStatusMb(pid, 'VmHWM');
/** Resident set now (VmRSS). */
export const rssMb = (pid: number | undefined) => procStatusMb(pid, 'VmRSS');

/** CPU seconds (user + system) a live process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export async function registerWorkspace(base: string, name: string): Promise<string> {
  const res = await postJson(`${base}/api/v1/auth/register`, {
    tenantName: name,
    name: 'Bench Owner',
    email: `bench-${crypto.randomUUID().slice(0, 8)}@example.test`,
    password: 'bench-password-123',
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Connects the sandbox's first Facebook Page the way a person does: the OAuth consent page over HTTP. */
export async function connectFacebookPage(base: string, token: string): Promise<void> {
  // The helper only reads `base` from the server it is given.
  const connected = await connectThroughOAuth({ base } as SpineServer, token, 'facebook');
  if (connected.status !== 200)
    throw new Error(`connecting the Page answered ${connected.status}: ${JSON.stringify(connected.json)}`);
}

/**
 * The demo's FAQ, which answers every question simulated customers ask: the benchmark measures
 * messages the business answers itself (without a knowledge base the AI hands them to a person).
 */
export async function addDemoKnowledge(base: string, token: string): Promise<void> {
  for (const f of DEMO_FAQ) {
    const res = await fetch(`${base}/api/v1/kb/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'faq', question: f.question, body: f.body }),
    });
    if (res.status !== 201) throw new Error(`adding a FAQ answered ${res.status}: ${await res.text()}`);
  }
}

const ratio = (value: number, target: number) => fmt(value / target, 2);

export function printTargets(
  r: SimulationReport,
  targetP99Ms: number,
): { p99Ratio: number; met: boolean; correct: boolean } {
  const p99Ratio = r.latencyMs.p99 / targetP99Ms;
  const met = p99Ratio < 1 && r.lost === 0;
  const correct = r.lost === 0 && r.duplicates === 0 && r.rejected === 0;
  console.log(
    `  target: p99 < ${targetP99Ms} ms, none lost → p99 ${fmt(r.latencyMs.p99)} ms, ratio p99 / target ${ratio(r.latencyMs.p99, targetP99Ms)}; ` +
      `lost ${r.lost}, duplicates ${r.duplicates}, rejected ${r.rejected}: ${met ? 'met' : 'MISSED'}`,
  );
  return { p99Ratio, met, correct };
}

export async function runE2eBench(opts: Partial<E2eOptions> = {}): Promise<E2eFigures> {
  const rate = opts.rate ?? 200;
  const seconds = opts.seconds ?? 60;
  const conversations = opts.conversations ?? 200;
  const messages = Math.round(rate * seconds);
  console.log(
    `\nEnd to end on PostgreSQL + Redis: one 'replyforce api' and one 'replyforce worker' process, ` +
      `${rate} messages/s for ${seconds} s over ${conversations} Messenger customers`,
  );
  console.log(SANDBOX_BATCH_NOTE);
  // Sandbox limits far above the offered rate: the run measures ReplyForce, not the stand-in's throttle.
  const cluster = await startCluster({
    sandboxLimits: { sendPerSecond: 100_000, whatsappPerSecond: 100_000, xDmPer15Min: 1_000_000 },
    // The sweeper's production defaults: the cluster helper's 3 s suits failure tests, not a load run.
    env: { SWEEP_AFTER_SECONDS: '60', SWEEP_INTERVAL_SECONDS: '30', LOG_LEVEL: 'warn' },
    webhookBatchWindowMs: SANDBOX_BATCH_WINDOW_MS,
  });
  let api: Proc | undefined;
  let worker: Proc | undefined;
  try {
    api = await cluster.startApi();
    worker = await cluster.startWorker();
    const startupRssMb = { api: peakRssMb(api.proc.pid), worker: peakRssMb(worker.proc.pid) };
    const token = await registerWorkspace(cluster.apiUrl, 'E2E Bench Coffee');
    await connectFacebookPage(cluster.apiUrl, token);
    await addDemoKnowledge(cluster.apiUrl, token);

    const common = {
      platform: 'facebook' as const,
      url: cluster.apiUrl,
      sandboxUrl: cluster.sandboxUrl,
      timeoutSeconds: REPLY_TIMEOUT_SECONDS,
    };
    // Warm-up on other customers (JIT, connection pools, Redis scripts); reported, not measured.
    const warmup = await runSimulation({
      ...common,
      conversations: Math.min(conversations, 50),
      messages: Math.round(rate * WARMUP_SECONDS),
      rate,
      timeoutSeconds: 60,
    });
    console.log(
      `  warm-up (not measured): ${warmup.sent} messages at ${rate}/s, ${warmup.replied} replied, ` +
        `latency ${formatPercentiles(warmup.latencyMs)}`,
    );

    const cpu0 = {
      api: cpuSeconds(api.proc.pid),
      worker: cpuSeconds(worker.proc.pid),
      self: process.cpuUsage(),
    };
    const t0 = performance.now();
    const run = await runSimulation({ ...common, conversations, messages, rate });
    const wall = (performance.now() - t0) / 1000;
    const selfCpu = process.cpuUsage(cpu0.self);
    const cpuCores = {
      api: (cpuSeconds(api.proc.pid) - cpu0.api) / wall,
      worker: (cpuSeconds(worker.proc.pid) - cpu0.worker) / wall,
      benchProcess: (selfCpu.user + selfCpu.system) / 1e6 / wall,
    };
    // VmHWM before the processes exit (cluster.close kills them).
    const rss = { api: peakRssMb(api.proc.pid), worker: peakRssMb(worker.proc.pid) };

    console.log(formatReport(run).replace(/^/gm, '  '));
    const { p99Ratio } = printTargets(run, E2E_TARGET_P99_MS);
    console.log(
      `  peak RSS: api ${fmt(rss.api)} MB / ${API_RSS_BUDGET_MB} MB budget (ratio ${ratio(rss.api, API_RSS_BUDGET_MB)}), ` +
        `worker ${fmt(rss.worker)} MB / ${WORKER_RSS_BUDGET_MB} MB (ratio ${ratio(rss.worker, WORKER_RSS_BUDGET_MB)}); ` +
        `peak while starting, before traffic: api ${fmt(startupRssMb.api)} MB, worker ${fmt(startupRssMb.worker)} MB`,
    );
    console.log(
      `  CPU during the run (cores busy, of ${availableParallelism()}): api ${fmt(cpuCores.api, 2)}, ` +
        `worker ${fmt(cpuCores.worker, 2)}, this process (load generator + sandbox) ${fmt(cpuCores.benchProcess, 2)}`,
    );
    const figures: E2eFigures = {
      rate,
      seconds,
      conversations,
      run,
      warmup,
      targetP99Ms: E2E_TARGET_P99_MS,
      p99Ratio,
      peakRssMb: rss,
      startupRssMb,
      rssBudgetMb: { api: API_RSS_BUDGET_MB, worker: WORKER_RSS_BUDGET_MB },
      cpuCores,
    };
    writeResult('e2e', figures);
    if (run.lost > 0 || run.duplicates > 0) process.exitCode = 1;
    return figures;
  } catch (err) {
    for (const [name, p] of [
      ['api', api],
      ['worker', worker],
    ] as const)
      if (p) console.error(`--- ${name} output (tail) ---\n${p.output().slice(-3000)}`);
    throw err;
  } finally {
    await cluster.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '60' },
      conversations: { type: 'string', default: '200' },
    },
  });
  runE2eBench({
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    conversations: Number(values.conversations),
  })
    .then(() => process.exit())
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
