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

/**
 * The wire form of a webhook body. Meta writes JSON the way PHP's json_encode does: non-ASCII as
 * \uXXXX escapes and `/` as `\/`. A receiver that verifies a re-serialised body instead of the raw
 * bytes fails against it, exactly as it would in production.
 */
export function serialize(payload: unknown, style: 'meta' | 'x'): string {
  const json = JSON.stringify(payload).replace(/"\\u0000n:(\d+)"/g, '$1');
  if (style === 'x') return json;
  return json
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
