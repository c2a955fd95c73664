// Shared load-generation helpers for the benchmarks: loopback only, bounded in time and count.

export const REQUEST_TIMEOUT_MS = 10_000;
/** Upper bound per phase, whatever the duration: the run stays small on a very fast machine. */
export const MAX_REQUESTS = 200_000;

export type Result = { requests: number; errors: number; seconds: number; latencies: number[] };
export type Stats = { requests: number; errors: number; rps: number; p50: number; p99: number };

/** Runs `op` from `concurrency` loops until the time or the request budget is spent. */
export async function drive(
  op: () => Promise<boolean>,
  durationMs: number,
  concurrency: number,
): Promise<Result> {
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline && requests < MAX_REQUESTS) {
      requests++;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await op();
      } catch {
        ok = false;
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { requests, errors, seconds: (performance.now() - started) / 1000, latencies };
}

export function stats(r: Result): Stats {
  const sorted = Float64Array.from(r.latencies).sort();
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { requests: r.requests, errors: r.errors, rps: r.requests / r.seconds, p50: pct(50), p99: pct(99) };
}

export function httpGet(url: string, headers: Record<string, string> = {}): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.arrayBuffer();
    return res.status === 200;
  };
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

export function table(title: string, rows: [string, Stats][], ratioLabel: string): string {
  const head = ['', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'];
  const body = rows.map(([name, s]) => [
    name,
    String(s.requests),
    String(s.errors),
    fmt(s.rps),
    fmt(s.p50, 2),
    fmt(s.p99, 2),
  ]);
  const [base, app] = [rows[0]![1], rows[1]![1]];
  body.push([
    ratioLabel,
    '',
    '',
    fmt(app.rps / base.rps, 3),
    fmt(app.p50 / base.p50, 1),
    fmt(app.p99 / base.p99, 1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  return [title, line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Several runs of the same thing as one. */
export function merge(results: Result[]): Result {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    latencies: results.flatMap((r) => r.latencies),
  };
}
