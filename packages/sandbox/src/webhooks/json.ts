const MARK = '\u0000n:';

/**
 * X payloads carry ids both as strings and as JSON numbers (`id` next to `id_str`), and real ids
 * exceed 2^53. This marks a value to be written as a bare number with every digit kept, so a
 * consumer that reads the number instead of the string meets the same precision loss as in production.
 */
export function rawNumber(digits: string): string | number {
  if (!/^\d+$/.test(digits)) return digits;
  return `${MARK}${digits}`;
}

export function serialize(payload: unknown): string {
  return JSON.stringify(payload).replace(/"\\u0000n:(\d+)"/g, '$1');
}
