import { parseSimulateArgs, SIMULATE_USAGE, SimulationError } from './options.ts';
import { formatReport } from './report.ts';
import { runSimulation } from './run-simulation.ts';

/**
 * `replyforce simulate …`: runs one simulation against a server on this machine and prints the
 * report. Exit status 0 when every accepted message was answered once, 1 otherwise, 2 on bad usage.
 * Ctrl-C stops sending and reports what was sent.
 */
export async function simulateCommand(argv: readonly string[]): Promise<void> {
  let parsed: ReturnType<typeof parseSimulateArgs>;
  try {
    parsed = parseSimulateArgs(argv);
  } catch (err) {
    if (!(err instanceof SimulationError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(SIMULATE_USAGE);
    return;
  }
  const { options } = parsed;
  const stop = new AbortController();
  const onSigint = () => {
    console.error('stopping: no more messages; reporting what was sent (Ctrl-C again to quit now)');
    stop.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  console.error(
    `sending ${options.messages} messages at ${options.rate}/s over ${options.conversations} customers; ` +
      `then waiting up to ${options.timeoutSeconds} s for replies`,
  );
  try {
    const report = await runSimulation({
      ...options,
      signal: stop.signal,
      onProgress: (p) =>
        console.error(
          `  ${p.elapsedSeconds.toFixed(0).padStart(4)} s  ${p.phase.padEnd(7)}  sent ${p.sent}  accepted ${p.accepted}  not accepted ${p.notAccepted}  replied ${p.replied}`,
        ),
    });
    console.log(parsed.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (!report.complete || report.duplicates > 0 || report.rejected > 0) process.exitCode = 1;
  } catch (err) {
    if (!(err instanceof SimulationError)) throw err;
    console.error(`simulate: ${err.message}`);
    process.exitCode = 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
