import {
  type CoreDeps,
  dispatchDueCrmSyncs,
  pullCrmChanges,
  refreshCrmTokens,
  refreshExpiringTokens,
  sweepQueuedMail,
  sweepSpine,
} from '@replyforce/core';
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
      const crmTokens = await refreshCrmTokens(deps);
      if (crmTokens > 0) log.info({ refreshed: crmTokens }, 'refreshed CRM tokens');
      const pulled = await pullCrmChanges(deps);
      if (pulled > 0) log.info({ leads: pulled }, 'applied owner and status changes pulled from CRMs');
    } catch (err) {
      log.error({ err }, 'sweeper failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  const stopCrm = startCrmDispatcher(deps, log);
  return () => {
    clearInterval(timer);
    stopCrm();
  };
}

/**
 * CRM syncs are queued as rows (the message path never waits on Redis for them); this pass, every
 * CRM_DISPATCH_INTERVAL_MS, sends one crm.sync job per connection with due work, and so is also
 * their sweeper.
 */
function startCrmDispatcher(deps: CoreDeps, log: Logger): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await dispatchDueCrmSyncs(deps);
    } catch (err) {
      log.error({ err }, 'CRM dispatch failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, deps.config.crm.dispatchIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
