import type { Platform } from '../types.ts';
import type { SandboxContext } from './context.ts';
import type { FaultMode } from './faults.ts';

/**
 * Takes the next injected fault of a platform. A `timeout` holds the request (until the fault's
 * hold time passes or the sandbox closes) so the caller's own timeout fires first.
 */
export async function takeFault(
  ctx: SandboxContext,
  platform: Platform | undefined,
): Promise<Exclude<FaultMode, 'none'> | undefined> {
  const mode = platform ? ctx.faults.take(platform) : undefined;
  if (mode === 'timeout') await ctx.timers.hold(ctx.opts.timing.faultHoldMs);
  return mode;
}
