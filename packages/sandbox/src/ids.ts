import { randomBytes, randomInt } from 'node:crypto';

/** Ids shaped like the platforms' own, so parsers written against real payloads accept them. */

export function messengerMid(): string {
  return `m_${randomBytes(30).toString('base64url')}`;
}

export function instagramMid(): string {
  return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${randomBytes(24).toString('base64url')}`;
}

export function wamid(): string {
  return `wamid.HBgL${randomBytes(30).toString('base64')}`;
}

/** A decimal id of `digits` digits that never starts with 0. */
export function numericId(digits = 16): string {
  let out = String(randomInt(1, 10));
  while (out.length < digits) out += String(randomInt(0, 1_000_000)).padStart(6, '0');
  return out.slice(0, digits);
}

const X_EPOCH = 1288834974657n;

/** A Snowflake id like X's: time-ordered, 19 digits, too big for a JS number. */
export function snowflake(now: number): string {
  return (((BigInt(Math.floor(now)) - X_EPOCH) << 22n) | BigInt(randomInt(0, 1 << 22))).toString();
}

export function fbtraceId(): string {
  return `A${randomBytes(8).toString('base64url')}`;
}

export function opaqueCode(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
