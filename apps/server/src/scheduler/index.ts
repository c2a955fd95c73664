import { type CoreDeps, refreshExpiringTokens, sweepQueuedMail, sweepSpine } from '@replyforce/core';
import type { Logger } from 'pino';

/**
 * Periodic work of the worker role. The sweeper re-dispatches what durable state says is
 * unfinished, so a lost job (crash, flushed Redis) is picked up again. Idempotent handlers make a
 * second dispatch harmless when several workers sweep.
 */
export function startScheduler(deps: CoreDeps, log: Logger, everyMs = 30_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const mail = await sweepQueuedMail(deps);
      if (mail > 0) log.info({ redispatched: mail }, 'sweeper re-dispatched queued mail');
      const spine = await sweepSpine(deps);
      if (spine.inbound + spine.ai + spine.outbound > 0)
        log.info({ redispatched: spine }, 'sweeper re-dispatched unfinished messages');
      const tokens = await refreshExpiringTokens(deps);
      if (tokens > 0) log.info({ refreshed: tokens }, 'refreshed channel tokens');
    } catch (err) {
      log.error({ err }, 'sweeper failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
