/**
 * Webhook authenticity checks, always over the raw request bytes: re-serialised JSON differs from
 * what the platform signed (whitespace, `\u00e9` escapes). None of these throw on bad input: a
 * missing or mangled header is simply "not verified" and the receiver answers 401/403.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/** Meta `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  const claimed = splitSignature(header, 'sha256');
  if (claimed === undefined || !HEX_SHA256.test(claimed) || !appSecret) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(claimed, 'hex'), expected);
}

/** X `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw body)>`. */
export function verifyXSignature(
  rawBody: Buffer,
  header: string | undefined,
  consumerSecret: string,
): boolean {
  const claimed = splitSignature(header, 'sha256');
  if (claimed === undefined || !BASE64_SHA256.test(claimed) || !consumerSecret) return false;
  const expected = createHmac('sha256', consumerSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(claimed, 'base64'), expected);
}

/**
 * Meta's GET verification handshake: the challenge to echo back, or undefined (answer 403).
 * Accepts flat `hub.mode` keys (Fastify's parser) and nested `hub: { mode }` (qs-style parsers).
 */
export function metaVerifyChallenge(query: Record<string, unknown>, verifyToken: string): string | undefined {
  const nested =
    typeof query.hub === 'object' && query.hub !== null ? (query.hub as Record<string, unknown>) : {};
  const mode = query['hub.mode'] ?? nested.mode;
  const token = query['hub.verify_token'] ?? nested.verify_token;
  const challenge = query['hub.challenge'] ?? nested.challenge;
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return undefined;
  if (!verifyToken || !constantTimeEqual(token, verifyToken)) return undefined;
  return challenge;
}

/** X CRC: the `response_token` of the JSON answer to `GET ?crc_token=…`. */
export function xCrcResponseToken(crcToken: string, consumerSecret: string): string {
  return `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}`;
}

/** The value after `<algo>=`, split on the first `=` only (base64 values contain `=` too). */
function splitSignature(header: string | undefined, algo: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  const at = header.indexOf('=');
  if (at < 0 || header.slice(0, at).toLowerCase() !== algo) return undefined;
  return header.slice(at + 1);
}

/** Hashing first gives equal-length buffers, so the comparison leaks neither content nor length. */
function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
