import type { FastifyReply } from 'fastify';
import type { SandboxContext } from '../core/context.ts';
import type { WindowState } from '../core/sliding-window.ts';
import { xProblem } from './errors.ts';

export type XBucket = 'dm' | 'post' | 'other';

const MIN15 = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

function windows(ctx: SandboxContext, bucket: XBucket): { limit: number; windowMs: number }[] {
  const l = ctx.opts.limits;
  if (bucket === 'dm')
    return [
      { limit: l.xDmPer15Min, windowMs: MIN15 },
      { limit: l.xDmPer24h, windowMs: DAY },
    ];
  if (bucket === 'post') return [{ limit: l.xPostsPer15Min, windowMs: MIN15 }];
  return [{ limit: l.xOtherPer15Min, windowMs: MIN15 }];
}

function setHeaders(reply: FastifyReply, states: WindowState[]): void {
  // Report the tightest window, the one that will say no first.
  const s = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  reply.header('x-rate-limit-limit', String(s.limit));
  reply.header('x-rate-limit-remaining', String(s.remaining));
  reply.header('x-rate-limit-reset', String(Math.ceil(s.resetAt / 1000)));
}

/** Counts one call of `caller` in the bucket and sets the headers; 429 when any window is full. */
export function consume(ctx: SandboxContext, reply: FastifyReply, bucket: XBucket, caller: string): void {
  const ws = windows(ctx, bucket);
  const peeked = ws.map((w) => ctx.limiter.peek(`x:${bucket}:${caller}`, w.limit, w.windowMs));
  if (peeked.some((s) => !s.ok)) {
    setHeaders(reply, peeked);
    throw xProblem.tooMany();
  }
  setHeaders(
    reply,
    ws.map((w) => ctx.limiter.hit(`x:${bucket}:${caller}`, w.limit, w.windowMs)),
  );
}

/** Headers for an answer that counted nothing (a 401, a 404): what the bucket currently holds. */
export function peekHeaders(ctx: SandboxContext, reply: FastifyReply, bucket: XBucket, caller: string): void {
  setHeaders(
    reply,
    windows(ctx, bucket).map((w) => ctx.limiter.peek(`x:${bucket}:${caller}`, w.limit, w.windowMs)),
  );
}

/** A 429 fault: the headers of an exhausted window. */
export function exhaustedHeaders(ctx: SandboxContext, reply: FastifyReply): void {
  reply.header('x-rate-limit-limit', String(ctx.opts.limits.xOtherPer15Min));
  reply.header('x-rate-limit-remaining', '0');
  reply.header('x-rate-limit-reset', String(Math.ceil((ctx.now() + MIN15) / 1000)));
}
