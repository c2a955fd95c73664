/** Small pieces every webhook parser shares: shape validation and timestamp normalisation. */
import { z } from 'zod';
import { MalformedPayloadError } from '../errors.ts';
import type { InboundEvent, ParsedDelivery } from './types.ts';

/**
 * Validates a whole delivery at once. The reason names the first offending field
 * (`entry.0.messaging.1.sender: …`) so a 400 in the logs says what the platform changed.
 */
export function parseShape<S extends z.ZodType>(
  schema: S,
  body: unknown,
  label: string,
  at = '',
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [...(at ? [at] : []), ...(issue?.path ?? []).map(String)];
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  throw new MalformedPayloadError(`${label} webhook: ${where}${issue?.message ?? 'invalid payload'}`);
}

/** Throws unless the envelope's `object` is the one this receiver serves (a Page payload sent to /instagram). */
export function expectObject(body: unknown, expected: string, label: string): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedPayloadError(`${label} webhook: body is not a JSON object`);
  }
  const object = (body as { object?: unknown }).object;
  if (object !== expected) {
    throw new MalformedPayloadError(
      `${label} webhook: object is ${JSON.stringify(object)}, expected "${expected}"`,
    );
  }
}

/**
 * Epoch ms from any platform timestamp. Meta mixes ms (messaging) and seconds (feed, comments,
 * WhatsApp strings); anything below 1e12 (year 2001 in ms) must be seconds. Dates parse as ISO/RFC.
 */
export function toEpochMs(value: number | string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n =
    typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(n)) return undefined;
  return n < 1e12 ? Math.round(n * 1000) : n;
}

/** A timestamp field in any of the platforms' encodings, normalised to epoch ms while parsing. */
export const EpochMs = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = toEpochMs(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'not a timestamp' });
    return z.NEVER;
  }
  return ms;
});

/** Accumulates a delivery: each element becomes one event or counts as ignored. */
export class DeliveryCollector {
  readonly events: InboundEvent[] = [];
  ignored = 0;

  add(event: InboundEvent | undefined): void {
    if (event) this.events.push(event);
    else this.ignored++;
  }

  result(): ParsedDelivery {
    return { events: this.events, ignored: this.ignored };
  }
}
