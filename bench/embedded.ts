// Embedded defaults end to end: `replyforce start` in one child process (PGlite in a temporary
// DATA_DIR, the in-process job runner, the sandbox mounted at /sandbox), a workspace registered and
// its Facebook Page connected through OAuth, then customer messages offered in increasing steps.
// The figure: the highest offered rate at which every message was accepted and answered once with
// p99 (webhook accepted → reply accepted by the sandbox) under 2 s. Loopback only; bounded by the
// steps × seconds.
// Usage: node bench/embedded.ts [--steps=10,25,50,100,200 --step-seconds=10]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  formatPercentiles,
  runSimulation,
  type SimulationReport,
} from '../apps/server/src/simulate/index.ts';
import { freePort } from '../apps/server/test/helpers/free-port.ts';
import {
  addDemoKnowledge,
  connectFacebookPage,
  cpuSeconds,
  peakRssMb,
  registerWorkspace,
  rssMb,
  SANDBOX_BATCH_NOTE,
  SANDBOX_BATCH_WINDOW_MS,
} from './e2e.ts';
import { fmt } from './lib.ts';
import { writeResult } from './results.ts';

export const EMBEDDED_P99_TARGET_MS = 2_000;
const ROOT = resolve(import.meta.dirname, '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'apps/server/src/cli.ts');
const STARTUP_MS = 60_000;
const REPLY_TIMEOUT_SECONDS = 20;
const CONVERSATIONS = 200;

export type EmbeddedOptions = { steps: number[]; stepSeconds: number };

export type EmbeddedStep = {
  rate: number;
  passed: boolean;
  why: string;
  report: SimulationReport;
  cpuCores: number;
};

export type EmbeddedFigures = {
  steps: EmbeddedStep[];
  /** The highest offered rate that passed (0 when none did). */
  sustainedRate: number;
  targetP99Ms: number;
  peakRssMb: number;
  /** Resident set once started, and at the end of the steps. */
  startupRssMb: number;
  endRssMb: number;
};

/** Every message accepted and answered exactly once, within the timeout, p99 under the target. */
function verdict(r: SimulationReport): { passed: boolean; why: string } {
  const problems: string[] = [];
  if (r.rejected > 0) problems.push(`${r.rejected} rejected`);
  if (r.lost > 0) problems.push(`${r.lost} unanswered after ${fmt(r.waitSeconds)} s`);
  if (r.duplicates > 0)
    problems.push(
      `${r.duplicates} duplicates${r.resends > 0 ? ` (${r.resends} sends repeated an earlier send's message id)` : ''}`,
    );
  if (!(r.latencyMs.p99 < EMBEDDED_P99_TARGET_MS))
    problems.push(`p99 ${fmt(r.latencyMs.p99)} ms ≥ ${EMBEDDED_P99_TARGET_MS} ms`);
  if (r.achievedRate < r.offeredRate * 0.95) problems.push(`generator reached ${fmt(r.achievedRate)} msg/s`);
  return problems.length === 0
    ? { passed: true, why: 'all answered' }
    : { passed: false, why: problems.join(', ') };
}

type Child = { proc: ChildProcess; output(): string; exited: Promise<unknown> };

/** `replyforce start` as a person runs it, with a fresh data directory and the demo seed off. */
function startEmbedded(port: number, dataDir: string): Child {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'MASTER_KEY', 'PUBLIC_URL', 'NODE_ENV'])
    delete env[name];
  // The flags of `npm start` (package.json).
  const proc = spawn(NODE, ['--max-semi-space-size=16', CLI, 'start'], {
    cwd: ROOT,
    env: {
      ...env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      // The e2e benchmark's level: request logs at info would measure the terminal, not the server.
      LOG_LEVEL: 'warn',
      SANDBOX_WEBHOOK_BATCH_MS: String(SANDBOX_BATCH_WINDOW_MS),
    },
    stdio: 'pipe',
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise((res) => proc.once('exit', res));
  return { proc, output: () => out, exited };
}

async function ready(c: Child, base: string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (c.proc.exitCode !== null)
      throw new Error(`replyforce start exited ${c.proc.exitCode}:\n${c.output()}`);
    const ok = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok && c.output().includes('is running')) return;
    await sleep(250);
  }
  throw new Error(`replyforce start not ready within ${STARTUP_MS} ms:\n${c.output()}`);
}

export async function runEmbeddedBench(opts: Partial<EmbeddedOptions> = {}): Promise<EmbeddedFigures> {
  const steps = opts.steps ?? [10, 25, 50, 100, 200];
  const stepSeconds = opts.stepSeconds ?? 10;
  console.log(
    `\nEmbedded defaults end to end: one 'replyforce start' process (PGlite, in-process jobs, sandbox at /sandbox), ` +
      `offered ${steps.join(', ')} messages/s for ${stepSeconds} s each over ${CONVERSATIONS} Messenger customers`,
  );
  console.log(SANDBOX_BATCH_NOTE);
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-bench-embedded-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startEmbedded(port, dataDir);
  try {
    await ready(child, base);
    const startupRssMb = rssMb(child.proc.pid);
    const token = await registerWorkspace(base, 'Embedded Bench Coffee');
    await connectFacebookPage(base, token);
    await addDemoKnowledge(base, token);
    const common = { platform: 'facebook' as const, url: base, timeoutSeconds: REPLY_TIMEOUT_SECONDS };

    const warmRate = steps[0] ?? 25;
    const warmup = await runSimulation({
      ...common,
      conversations: 50,
      messages: warmRate * 2,
      rate: warmRate,
    });
    console.log(
      `  warm-up: ${warmup.sent} messages at ${warmRate}/s, ${warmup.replied} replied, latency ${formatPercentiles(warmup.latencyMs)}`,
    );

    const results: EmbeddedStep[] = [];
    console.log(
      `  ${'offered'.padStart(9)}  ${'achieved'.padStart(9)}  ${'accepted'.padStart(8)}  ${'replied'.padStart(8)}  ` +
        `${'lost'.padStart(5)}  ${'dup'.padStart(4)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ` +
        `${'p99/2 s'.padStart(7)}  ${'CPU'.padStart(5)}  verdict`,
    );
    for (const rate of steps) {
      const cpu0 = cpuSeconds(child.proc.pid);
      const t0 = performance.now();
      const report = await runSimulation({
        ...common,
        conversations: CONVERSATIONS,
        messages: Math.round(rate * stepSeconds),
        rate,
      });
      const cpuCores = (cpuSeconds(child.proc.pid) - cpu0) / ((performance.now() - t0) / 1000);
      const { passed, why } = verdict(report);
      results.push({ rate, passed, why, report, cpuCores });
      console.log(
        `  ${`${rate}/s`.padStart(9)}  ${`${fmt(report.achievedRate)}/s`.padStart(9)}  ${String(report.accepted).padStart(8)}  ` +
          `${String(report.replied).padStart(8)}  ${String(report.lost).padStart(5)}  ${String(report.duplicates).padStart(4)}  ` +
          `${fmt(report.latencyMs.p50).padStart(7)}  ${fmt(report.latencyMs.p99).padStart(7)}  ` +
          `${fmt(report.latencyMs.p99 / EMBEDDED_P99_TARGET_MS, 2).padStart(7)}  ${fmt(cpuCores, 2).padStart(5)}  ` +
          `${passed ? 'pass' : `FAIL: ${why}`}`,
      );
      // A higher rate only fails harder, and its backlog would spill into the next step.
      if (!passed) break;
    }
    const sustainedRate = Math.max(0, ...results.filter((s) => s.passed).map((s) => s.rate));
    const rss = peakRssMb(child.proc.pid);
    const endRssMb = rssMb(child.proc.pid);
    console.log(
      `  sustained: ${sustainedRate > 0 ? `${sustainedRate} messages/s` : `none of the steps`} end to end with every message answered and p99 < ${EMBEDDED_P99_TARGET_MS} ms` +
        `${results.every((s) => s.passed) ? ' (the highest step offered: the ceiling may be higher)' : ''}`,
    );
    console.log(
      `  RSS of the process: peak ${fmt(rss)} MB, ${fmt(startupRssMb)} MB once started, ${fmt(endRssMb)} MB after the steps; ` +
        `CPU: cores busy per step, of ${availableParallelism()} (the load generator runs in this process, the rest in the server)`,
    );
    const figures: EmbeddedFigures = {
      steps: results,
      sustainedRate,
      targetP99Ms: EMBEDDED_P99_TARGET_MS,
      peakRssMb: rss,
      startupRssMb,
      endRssMb,
    };
    writeResult('embedded', figures);
    return figures;
  } catch (err) {
    console.error(`--- replyforce start output (tail) ---\n${child.output().slice(-3000)}`);
    throw err;
  } finally {
    if (child.proc.exitCode === null) child.proc.kill('SIGTERM');
    await Promise.race([child.exited, sleep(15_000)]);
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '10,25,50,100,200' },
      'step-seconds': { type: 'string', default: '10' },
    },
  });
  const steps = (values.steps ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  runEmbeddedBench({ steps, stepSeconds: Number(values['step-seconds']) })
    .then(() => process.exit())
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
