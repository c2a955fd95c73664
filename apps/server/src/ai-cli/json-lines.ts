import { createInterface } from 'node:readline';

/**
 * Reads JSON Lines from stdin and writes exactly one JSON line per non-blank input line, so the
 * output lines up with the input: a line that is not valid JSON, or lacks `field`, gets
 * `{"error": …}` (and a message on stderr) instead of stopping the run.
 */
export async function mapJsonLines(
  field: string,
  fn: (value: string) => unknown,
): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lines = 0;
  let errors = 0;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    lines++;
    let out: unknown;
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const value = parsed?.[field];
      if (typeof value !== 'string') throw new Error(`expected an object with a string "${field}"`);
      out = fn(value);
    } catch (err) {
      errors++;
      const message = err instanceof Error ? err.message : String(err);
      console.error(`line ${lines}: ${message}`);
      out = { error: message };
    }
    if (!process.stdout.write(`${JSON.stringify(out)}\n`))
      await new Promise((r) => process.stdout.once('drain', r));
  }
  return { lines, errors };
}

/** `--name value` or `--name=value`. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]?.includes('=') ? args[i]?.slice(name.length + 3) : args[i + 1];
}
